using Platform.Contracts;
using Platform.Modules;
using StackExchange.Redis;

namespace Platform.Bot.Shards;

/// <summary>
/// Redis leases that make sure no shard ever runs in two processes: a process takes each of its shards'
/// leases before connecting, renews them while it runs, and a lease it stops renewing (the process was
/// killed, or cut off from Redis) expires so that another process can take the shard over. A process
/// that cannot renew stops its shards before its leases may expire (<see cref="ShardSupervisor"/>).
/// </summary>
public sealed partial class ShardLeases(
    IConnectionMultiplexer redis,
    BotIdentity identity,
    BotOptions options,
    TimeProvider time,
    ILogger<ShardLeases> logger)
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

    /// <summary>
    /// Waits until this process holds every lease; a shard still held elsewhere is waited for, never shared,
    /// and the leases already taken are renewed meanwhile so that none lapses while another is awaited.
    /// </summary>
    /// <returns>When the last round that held them all was sent: none expires before that plus the lease duration.</returns>
    public async Task<DateTimeOffset> AcquireAsync(IReadOnlyList<int> shardIds, CancellationToken cancellationToken)
    {
        while (true)
        {
            var sentAt = time.GetUtcNow();
            var held = await EvaluateAsync(TakeOrRenew, shardIds);
            var missing = shardIds.Where((_, i) => !held[i]).ToList();
            if (missing.Count == 0)
            {
                return sentAt;
            }

            foreach (var shardId in missing)
            {
                LogWaiting(shardId, (await redis.GetDatabase().StringGetAsync(BotRedisKeys.ShardLease(identity.ApplicationId, shardId))).ToString());
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        }
    }

    /// <summary>Extends every lease; false when one was lost, which means another process may now run that shard.</summary>
    public async Task<bool> RenewAsync(IReadOnlyList<int> shardIds) => (await EvaluateAsync(RenewIfOwned, shardIds)).All(renewed => renewed);

    private async Task<bool[]> EvaluateAsync(string script, IReadOnlyList<int> shardIds)
    {
        var db = redis.GetDatabase();
        var results = await Task.WhenAll(shardIds.Select(id => db.ScriptEvaluateAsync(script,
            [BotRedisKeys.ShardLease(identity.ApplicationId, id)], [Owner, (long)options.ShardLeaseDuration.TotalMilliseconds])));
        return [.. results.Select(result => (long)result == 1)];
    }

    public async Task ReleaseAsync(IReadOnlyList<int> shardIds)
    {
        var db = redis.GetDatabase();
        await Task.WhenAll(
            shardIds.Select(id =>
                db.ScriptEvaluateAsync(ReleaseIfOwned, [BotRedisKeys.ShardLease(identity.ApplicationId, id)], [Owner])));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId} is held by {Holder}; waiting for its lease to be released or to expire")]
    private partial void LogWaiting(int shardId, string holder);
}
