using Platform.Bot.Gateway;
using Platform.Data.Realtime;
using StackExchange.Redis;

namespace Platform.Bot.Shards;

/// <summary>
/// Redis leases that make sure no shard ever runs in two processes: a process takes each of its shards'
/// leases before connecting, renews them while it runs, and a lease it stops renewing (the process was
/// killed) expires so that another process can take the shard over.
/// </summary>
public sealed partial class ShardLeases(IConnectionMultiplexer redis, BotIdentity identity, BotOptions options, ILogger<ShardLeases> logger)
{
    private const string RenewIfOwned = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";
    private const string ReleaseIfOwned = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    /// <summary>This process, as lease holders and shard status name it.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Waits until this process holds every lease; a shard still held elsewhere is waited for, never shared.</summary>
    public async Task AcquireAsync(IReadOnlyList<int> shardIds, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        foreach (var shardId in shardIds)
        {
            var key = BotRedisKeys.ShardLease(identity.ApplicationId, shardId);
            while (!await db.StringSetAsync(key, Owner, options.ShardLeaseDuration, When.NotExists))
            {
                var holder = await db.StringGetAsync(key);
                if (holder == Owner)
                {
                    break;
                }

                LogWaiting(shardId, holder.ToString());
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    /// <summary>Extends every lease; false when one was lost, which means another process may now run that shard.</summary>
    public async Task<bool> RenewAsync(IReadOnlyList<int> shardIds)
    {
        var db = redis.GetDatabase();
        var renewed = await Task.WhenAll(shardIds.Select(id => db.ScriptEvaluateAsync(RenewIfOwned,
            [BotRedisKeys.ShardLease(identity.ApplicationId, id)], [Owner, (long)options.ShardLeaseDuration.TotalMilliseconds])));
        return renewed.All(result => (long)result == 1);
    }

    public async Task ReleaseAsync(IReadOnlyList<int> shardIds)
    {
        var db = redis.GetDatabase();
        await Task.WhenAll(shardIds.Select(id => db.ScriptEvaluateAsync(ReleaseIfOwned, [BotRedisKeys.ShardLease(identity.ApplicationId, id)], [Owner])));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId} is held by {Holder}; waiting for its lease to be released or to expire")]
    private partial void LogWaiting(int shardId, string holder);
}
