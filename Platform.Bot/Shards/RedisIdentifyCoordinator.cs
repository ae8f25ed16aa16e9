using Platform.Contracts;
using Platform.Discord.Gateway;
using Platform.Modules;
using StackExchange.Redis;

namespace Platform.Bot.Shards;

/// <summary>
/// Identify pacing shared by every process of the bot: an IDENTIFY in a bucket takes a Redis key that
/// lives for the identify interval, so no process identifies in that bucket until it expires.
/// </summary>
public sealed partial class RedisIdentifyCoordinator(
    IConnectionMultiplexer redis,
    BotIdentity identity,
    BotOptions options,
    TimeProvider time,
    ILogger<RedisIdentifyCoordinator> logger) : IIdentifyCoordinator
{
    private static readonly TimeSpan PollFloor = TimeSpan.FromMilliseconds(20);

    private TimeSpan Hold => options.IdentifyInterval + InProcessIdentifyCoordinator.SendAllowance;

    public async ValueTask WaitToIdentifyAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var key = KeyOf(shardId, maxConcurrency);
        while (!await db.StringSetAsync(key, shardId, Hold, When.NotExists))
        {
            var remaining = await db.KeyTimeToLiveAsync(key) ?? PollFloor;
            await Task.Delay(remaining > PollFloor ? remaining : PollFloor, time, cancellationToken);
        }
    }

    // Set whoever holds the key now: were it another shard's already (this send outlasted the hold), a later expiry
    // only makes its bucket wait longer, never shorter.
    public async ValueTask IdentifySentAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(KeyOf(shardId, maxConcurrency), shardId, Hold, When.Always).WaitAsync(cancellationToken);
        }
        catch (Exception error) when (RedisFailure.Is(error))
        {
            // The IDENTIFY has gone and its session must not fail for this: the hold taken with the permission stands.
            LogHoldNotExtended(error, shardId);
        }
    }

    private RedisKey KeyOf(int shardId, int maxConcurrency) =>
        BotRedisKeys.IdentifyBucket(identity.ApplicationId, shardId % Math.Max(1, maxConcurrency));

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Could not hold shard {ShardId}'s identify bucket from its IDENTIFY's send; its permission's hold stands")]
    private partial void LogHoldNotExtended(Exception error, int shardId);
}
