namespace Platform.Discord.Gateway;

public enum ShardState
{
    Disconnected,
    Connecting,
    Identifying,
    Resuming,
    Ready,
    Fatal,
}

/// <summary>A snapshot of one shard, published whenever it changes.</summary>
public sealed record ShardStatus(int ShardId, int TotalShards, ShardState State)
{
    public string? FatalReason { get; init; }
    public TimeSpan? Latency { get; init; }
    public int GuildCount { get; init; }
    public DateTimeOffset? LastHeartbeatAck { get; init; }
    public int Resumes { get; init; }
    public int Reconnects { get; init; }
    public int Identifies { get; init; }
    public long EventsReceived { get; init; }
    public string? SessionId { get; init; }
    public int? LastSequence { get; init; }
}
