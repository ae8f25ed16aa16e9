namespace Platform.Discord.Gateway;

/// <summary>What a shard's <see cref="ShardStatus"/> is built from.</summary>
internal sealed class ShardCounters
{
    public ShardState State { get; set; }
    public string? FatalReason { get; set; }
    public TimeSpan? Latency { get; set; }
    public DateTimeOffset? LastHeartbeatAck { get; set; }
    public ShardGuilds Guilds { get; } = new();
    public int Resumes { get; set; }
    public int Reconnects { get; set; }
    public int Identifies { get; set; }
    public long EventsReceived { get; set; }

    public static ShardCounters From(ShardHandover? handover)
    {
        var counters = new ShardCounters();
        if (handover is not null)
        {
            counters.Guilds.Restore(handover.AvailableGuilds, handover.UnavailableGuilds);
        }

        return counters;
    }

    public ShardStatus Snapshot(GatewayShardOptions options, GatewayShard.GatewaySession? session, int? lastSequence) =>
        new(options.ShardId, options.TotalShards, State)
        {
            FatalReason = FatalReason,
            Latency = Latency,
            LastHeartbeatAck = LastHeartbeatAck,
            GuildCount = Guilds.Count,
            UnavailableGuildCount = Guilds.Unavailable,
            Resumes = Resumes,
            Reconnects = Reconnects,
            Identifies = Identifies,
            EventsReceived = EventsReceived,
            SessionId = session?.Id,
            LastSequence = lastSequence,
        };
}
