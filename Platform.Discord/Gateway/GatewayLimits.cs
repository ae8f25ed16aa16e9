namespace Platform.Discord.Gateway;

/// <summary>What Discord enforces on every gateway connection.</summary>
public static class GatewayLimits
{
    /// <summary>A larger sent payload is closed with 4002.</summary>
    public const int MaxPayloadBytes = 4096;

    /// <summary>More sends per <see cref="SendWindow"/> are closed with 4008.</summary>
    public const int SendsPerWindow = 120;

    public static readonly TimeSpan SendWindow = TimeSpan.FromSeconds(60);
}
