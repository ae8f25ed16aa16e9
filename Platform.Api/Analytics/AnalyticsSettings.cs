namespace Platform.Api.Analytics;

/// <summary>The api's <c>Analytics</c> section.</summary>
public sealed class AnalyticsSettings
{
    public const string Section = "Analytics";

    /// <summary>
    /// How long a usage report is served from the cache. The bot writes usage all the time and admins expect
    /// a call's cost on the chart within seconds, so briefly; a burst of dashboards still reads Postgres once. Zero turns the cache off.
    /// </summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(5);
}
