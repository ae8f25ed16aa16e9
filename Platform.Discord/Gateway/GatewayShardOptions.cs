namespace Platform.Discord.Gateway;

public sealed record GatewayShardOptions(string Token, GatewayIntents Intents, int ShardId, int TotalShards, int MaxConcurrency)
{
    public bool Compress { get; init; } = true;
    public int LargeThreshold { get; init; } = 50;
    public IdentifyProperties Properties { get; init; } =
        new(Environment.OSVersion.Platform.ToString().ToLowerInvariant(), "Platform.Discord", "Platform.Discord");
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Failed resume connections in a row after which the session is dropped and the shard identifies afresh.</summary>
    public int MaxResumeAttempts { get; init; } = 3;
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);
}
