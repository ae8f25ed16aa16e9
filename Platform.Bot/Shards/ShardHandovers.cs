using System.Runtime.InteropServices;
using Platform.Contracts;
using Platform.Discord.Gateway;
using Platform.Modules;
using StackExchange.Redis;

namespace Platform.Bot.Shards;

/// <summary>
/// Keeps each running shard's session in Redis, so that whichever process runs the shard next RESUMEs it:
/// Discord replays what was missed, and no new IDENTIFY (nor a new burst of GUILD_CREATEs) is spent.
/// </summary>
public sealed class ShardHandovers(IConnectionMultiplexer redis, BotIdentity identity)
{
    /// <summary>
    /// How long a session is worth resuming after its process last wrote it. Discord does not publish how long it keeps
    /// a session; a resume it refuses costs one connection before the shard identifies, so erring long is cheap.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    private readonly Dictionary<int, Written> written = [];

    /// <summary>
    /// Writes the sessions of shards that are running. The sequence written is the one seen at the previous call:
    /// events a killed process had read but not yet handled (a guild row still gathering, an interaction queued)
    /// are then replayed to the next process rather than lost; the handlers are idempotent where it matters.
    /// </summary>
    public async Task KeepAsync(IReadOnlyList<GatewayShard> shards)
    {
        var batch = redis.GetDatabase().CreateBatch();
        var writes = new List<Task>();
        foreach (var shard in shards)
        {
            // Read before the guilds are: a change in between is written again next time rather than missed.
            var guildsVersion = shard.GuildsVersion;
            if (shard.Handover() is not { } now)
            {
                continue;
            }

            var before = written.GetValueOrDefault(shard.ShardId);
            if (before?.SessionId != now.SessionId)
            {
                written[shard.ShardId] = new(now.SessionId, now.Sequence, null);
                continue;
            }

            var withGuilds = before.GuildsVersion != guildsVersion;
            writes.AddRange(Write(batch, now with { Sequence = before.Sequence }, withGuilds));
            written[shard.ShardId] = new(now.SessionId, now.Sequence, withGuilds ? guildsVersion : before.GuildsVersion);
        }

        batch.Execute();
        await Task.WhenAll(writes);
    }

    /// <summary>Writes a stopped shard's session as it ended, for the process that takes the shard next.</summary>
    public async Task HandOverAsync(ShardHandover handover)
    {
        written.Remove(handover.ShardId);
        var batch = redis.GetDatabase().CreateBatch();
        var writes = Write(batch, handover, withGuilds: true);
        batch.Execute();
        await Task.WhenAll(writes);
    }

    public async Task<ShardHandover?> ReadAsync(int shardId)
    {
        var fields = (await redis.GetDatabase().HashGetAllAsync(Key(shardId))).ToDictionary(e => (string)e.Name!, e => e.Value);
        return fields.TryGetValue("session", out var session) && fields.TryGetValue("url", out var url) && fields.TryGetValue("seq", out var seq)
            ? new(shardId, session!, url!, (int)seq, Guilds(fields, "available"), Guilds(fields, "unavailable"))
            : null;
    }

    public void Forget(int shardId) => written.Remove(shardId);

    private Task[] Write(IBatch batch, ShardHandover handover, bool withGuilds)
    {
        HashEntry[] session = [new("session", handover.SessionId), new("url", handover.ResumeUrl), new("seq", handover.Sequence)];
        HashEntry[] guilds = withGuilds
            ? [new("available", Bytes(handover.AvailableGuilds)), new("unavailable", Bytes(handover.UnavailableGuilds))]
            : [];
        var key = Key(handover.ShardId);
        return [batch.HashSetAsync(key, [.. session, .. guilds]), batch.KeyExpireAsync(key, Retention)];
    }

    private string Key(int shardId) => BotRedisKeys.ShardHandover(identity.ApplicationId, shardId);

    private static byte[] Bytes(IReadOnlyList<ulong> guilds) => MemoryMarshal.AsBytes(guilds.ToArray().AsSpan()).ToArray();

    private static ulong[] Guilds(Dictionary<string, RedisValue> fields, string name) =>
        fields.TryGetValue(name, out var value) && (byte[]?)value is { } bytes ? MemoryMarshal.Cast<byte, ulong>(bytes).ToArray() : [];

    private sealed record Written(string SessionId, int Sequence, int? GuildsVersion);
}
