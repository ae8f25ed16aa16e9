namespace Platform.Api.Analytics;

/// <summary>The api's <c>Analytics</c> section.</summary>
public sealed class AnalyticsSettings
{
    public const string Section = "Analytics";

    /// <summary>How long a usage report is served from the cache; the bot writes usage all the time, so briefly. Zero turns the cache off.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(30);
}
