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
    /// <summary>Guilds the shard serves, whether available now or not.</summary>
    public int GuildCount { get; init; }
    /// <summary>Of those, guilds Discord reports unavailable (an outage), or not yet sent since READY.</summary>
    public int UnavailableGuildCount { get; init; }
    public DateTimeOffset? LastHeartbeatAck { get; init; }
    public int Resumes { get; init; }
    public int Reconnects { get; init; }
    public int Identifies { get; init; }
    public long EventsReceived { get; init; }
    public string? SessionId { get; init; }
    public int? LastSequence { get; init; }
}
