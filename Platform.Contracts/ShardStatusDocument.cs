using System.Text.Json;

namespace Platform.Contracts;

/// <summary>
/// One shard as the bot last published it. A process that dies stops publishing, so a reader calls
/// a document older than <see cref="StaleAfter"/> stale rather than trusting its state.
/// </summary>
public sealed record ShardStatusDocument(int ShardId, int TotalShards, string State, string Owner, DateTimeOffset PublishedAt)
{
    public static readonly TimeSpan PublishInterval = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan StaleAfter = PublishInterval * 4;

    /// <summary>How long Redis keeps the hash after the last write, so shards of a retired deployment disappear.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    public string? FatalReason { get; init; }
    public double? LatencyMs { get; init; }
    public int GuildCount { get; init; }
    public int UnavailableGuildCount { get; init; }
    public DateTimeOffset? LastHeartbeatAck { get; init; }
    public int Resumes { get; init; }
    public int Reconnects { get; init; }
    public double EventsPerSecond { get; init; }

    public bool IsStale(DateTimeOffset now) => now - PublishedAt > StaleAfter;

    public string Serialize() => JsonSerializer.Serialize(this, RealtimeJson.Options);

    public static ShardStatusDocument? Parse(string json) => JsonSerializer.Deserialize<ShardStatusDocument>(json, RealtimeJson.Options);
}
