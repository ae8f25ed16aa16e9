using Platform.Contracts;
using Platform.Modules;
using StackExchange.Redis;

namespace Platform.Bot.Shards;

/// <summary>
/// Redis leases that make sure no shard ever runs in two processes: a process takes a shard's lease before
/// connecting, renews it while it runs, and a lease it stops renewing (the process was killed, or cut off from
/// Redis) expires so that another process can take the shard over. A process that cannot renew stops its shards
/// before its leases may expire (<see cref="ShardSupervisor"/>). Home claims, held the same way, say which
/// process a shard belongs to when every process runs (<see cref="ShardPlan"/>).
/// </summary>
public sealed class ShardLeases(IConnectionMultiplexer redis, BotIdentity identity, BotOptions options)
{
    private const string TakeOrRenew = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
        return 0
        """;

    private const string RenewIfOwned =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";
    private const string ReleaseIfOwned =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    /// <summary>This process, as lease holders and shard status name it.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Takes (or keeps) each shard's lease; false where another process holds it.</summary>
    public Task<bool[]> TakeAsync(IReadOnlyList<int> shardIds) => EvaluateAsync(TakeOrRenew, shardIds, Lease);

    /// <summary>Extends every lease; false when one was lost, which means another process may now run that shard.</summary>
    public async Task<bool> RenewAsync(IReadOnlyList<int> shardIds) =>
        (await EvaluateAsync(RenewIfOwned, shardIds, Lease)).All(renewed => renewed);

    public Task ReleaseAsync(IReadOnlyList<int> shardIds) => EvaluateAsync(ReleaseIfOwned, shardIds, Lease);

    /// <summary>Claims (or keeps claiming) these shards as this process's home; false where another process's home they are.</summary>
    public Task<bool[]> ClaimHomeAsync(IReadOnlyList<int> shardIds) => EvaluateAsync(TakeOrRenew, shardIds, Home);

    public Task ReleaseHomeAsync(IReadOnlyList<int> shardIds) => EvaluateAsync(ReleaseIfOwned, shardIds, Home);

    /// <summary>Who holds each of the bot's shards, and whose home each is, in one round trip.</summary>
    public async Task<IReadOnlyList<ShardHolders>> ReadAsync(int totalShards)
    {
        var keys = Enumerable.Range(0, totalShards).SelectMany(id => new RedisKey[] { Lease(id), Home(id) }).ToArray();
        var values = await redis.GetDatabase().StringGetAsync(keys);
        return [.. Enumerable.Range(0, totalShards).Select(id => new ShardHolders(id, (string?)values[2 * id], (string?)values[(2 * id) + 1]))];
    }

    private string Lease(int shardId) => BotRedisKeys.ShardLease(identity.ApplicationId, shardId);

    private string Home(int shardId) => BotRedisKeys.ShardHome(identity.ApplicationId, shardId);

    private async Task<bool[]> EvaluateAsync(string script, IReadOnlyList<int> shardIds, Func<int, string> key)
    {
        var db = redis.GetDatabase();
        var results = await Task.WhenAll(shardIds.Select(id =>
            db.ScriptEvaluateAsync(script, [key(id)], [Owner, (long)options.ShardLeaseDuration.TotalMilliseconds])));
        return [.. results.Select(result => (long)result == 1)];
    }
}

/// <summary>A shard's lease holder and home process, each null when nobody claims it.</summary>
public sealed record ShardHolders(int ShardId, string? Lease, string? Home);
