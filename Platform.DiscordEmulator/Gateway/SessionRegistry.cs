using Platform.Discord.Gateway;
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Platform.DiscordEmulator.Gateway;

/// <summary>Every live session, the identify log, and the faults in force, shared by the gateway and the control API.</summary>
public sealed class SessionRegistry(IOptions<EmulatorOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, EmulatedSession> sessions = new();
    private readonly ConcurrentDictionary<int, DateTimeOffset> lastIdentifyByBucket = new();
    private readonly ConcurrentQueue<IdentifyRecord> identifies = new();
    private readonly Lock identifyGate = new();

    public ShardFaults Faults { get; } = new(time);

    public ShardOccupancy Occupancy { get; } = new();

    /// <summary>The connection now runs the session (after IDENTIFY or RESUME), and counts as running its shard until it ends.</summary>
    public void Bind(ConnectionState state, EmulatedSession session)
    {
        state.Session = session;
        Occupancy.Enter(session.ShardId);
    }

    public IReadOnlyCollection<EmulatedSession> Sessions => [.. sessions.Values];

    public IReadOnlyCollection<IdentifyRecord> Identifies => [.. identifies];

    public int SessionStartsRemaining => options.Value.SessionStartRemaining - identifies.Count(record => record.Accepted);

    public EmulatedSession? Find(string id) => sessions.GetValueOrDefault(id);

    public void Add(EmulatedSession session) => sessions[session.Id] = session;

    public void Remove(string id) => sessions.TryRemove(id, out _);

    public IEnumerable<EmulatedSession> OnShard(int? shardId) =>
        Sessions.Where(session => shardId is null || session.ShardId == shardId);

    /// <summary>The sessions of the shard that holds <paramref name="guildId"/>, by Discord's formula.</summary>
    public IEnumerable<EmulatedSession> ForGuild(ulong guildId) =>
        Sessions.Where(session => ShardRouting.ShardFor(guildId, session.TotalShards) == session.ShardId);

    /// <summary>Applies Discord's identify rule: one per <c>shard % max_concurrency</c> bucket per interval.</summary>
    public bool TryStartIdentify(int shardId, DateTimeOffset now)
    {
        var settings = options.Value;
        var bucket = shardId % settings.MaxConcurrency;
        lock (identifyGate)
        {
            var accepted = !lastIdentifyByBucket.TryGetValue(bucket, out var last)
                || now - last >= TimeSpan.FromSeconds(settings.IdentifyIntervalSeconds);
            if (accepted)
            {
                lastIdentifyByBucket[bucket] = now;
            }

            identifies.Enqueue(new IdentifyRecord(shardId, bucket, now, accepted));
            return accepted;
        }
    }
}

public sealed record IdentifyRecord(int ShardId, int Bucket, DateTimeOffset At, bool Accepted);

/// <summary>Faults a test has switched on, by shard (null applies to all).</summary>
public sealed class ShardFaults(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Kind, int? Shard), bool> active = new();
    private readonly ConcurrentDictionary<int, TimeSpan> latency = new();

    /// <summary>Delay added before everything the gateway sends on a shard (-1: every shard).</summary>
    public void SetLatency(int? shardId, TimeSpan delay) => latency[shardId ?? -1] = delay;

    /// <summary>Waits out the latency in force on the shard, if any.</summary>
    public Task DelayAsync(int shardId, CancellationToken cancellationToken) =>
        latency.TryGetValue(shardId, out var delay) || latency.TryGetValue(-1, out delay)
            ? InjectedLatency.WaitAsync(delay, time, cancellationToken)
            : Task.CompletedTask;

    public void Set(string kind, int? shardId, bool on)
    {
        if (on)
        {
            active[(kind, shardId)] = true;
        }
        else
        {
            active.TryRemove((kind, shardId), out _);
        }
    }

    public bool IsOn(string kind, int shardId) => active.ContainsKey((kind, shardId)) || active.ContainsKey((kind, null));

    public bool IsOnAnywhere(string kind) => active.Keys.Any(key => key.Kind == kind);
}
