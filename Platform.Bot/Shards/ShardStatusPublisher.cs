using Platform.Contracts;
using Platform.Discord.Gateway;
using Platform.Modules;
using StackExchange.Redis;

namespace Platform.Bot.Shards;

/// <summary>
/// Publishes every owned shard's status to Redis, on each change and at least every
/// <see cref="ShardStatusDocument.PublishInterval"/>. A process that dies stops publishing, and its
/// shards turn stale for readers instead of looking healthy forever.
/// </summary>
public sealed partial class ShardStatusPublisher(
    ShardSupervisor supervisor,
    ShardLeases leases,
    BotIdentity identity,
    IConnectionMultiplexer redis,
    TimeProvider time,
    ILogger<ShardStatusPublisher> logger) : BackgroundService
{
    private readonly WakeUp changed = new();
    private readonly Dictionary<int, (long Events, DateTimeOffset At)> lastCounts = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var gateway = await supervisor.WhenStarted.WaitAsync(stoppingToken);
        gateway.ShardsChanged += changed.Set;
        var watched = new HashSet<GatewayShard>();
        while (!stoppingToken.IsCancellationRequested)
        {
            // Shards come and go as processes take them over and hand them back.
            var shards = gateway.Shards;
            watched.IntersectWith(shards);
            foreach (var shard in shards.Where(watched.Add))
            {
                shard.StatusChanged += _ => changed.Set();
            }

            await PublishAsync(shards);
            try
            {
                await changed.WaitAsync(ShardStatusDocument.PublishInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The shards are stopped by now; their last word is that they are disconnected, not stale.
        if (supervisor.Gateway is { } gateway)
        {
            await PublishAsync(gateway.Shards);
        }
    }

    private async Task PublishAsync(IReadOnlyList<GatewayShard> shards)
    {
        var now = time.GetUtcNow();
        var entries = shards.Select(shard => Document(shard.Status, now)).Select(d => new HashEntry(d.ShardId, d.Serialize())).ToArray();
        try
        {
            var db = redis.GetDatabase();
            var key = BotRedisKeys.ShardStatus(identity.ApplicationId);
            await db.HashSetAsync(key, entries);
            await db.KeyExpireAsync(key, ShardStatusDocument.Retention);
        }
        catch (Exception error) when (RedisFailure.Is(error) || error is ObjectDisposedException)
        {
            // Status is best effort: a reader sees the shard go stale, which is the truth when Redis is away.
            LogPublishFailed(error);
        }
    }

    private ShardStatusDocument Document(ShardStatus status, DateTimeOffset now)
    {
        var eventsPerSecond = lastCounts.TryGetValue(status.ShardId, out var last) && now > last.At
            ? (status.EventsReceived - last.Events) / (now - last.At).TotalSeconds
            : 0;
        lastCounts[status.ShardId] = (status.EventsReceived, now);
        return new ShardStatusDocument(status.ShardId, status.TotalShards, ShardStateNames.Of(status.State), leases.Owner, now)
        {
            FatalReason = status.FatalReason,
            LatencyMs = status.Latency?.TotalMilliseconds,
            GuildCount = status.GuildCount,
            UnavailableGuildCount = status.UnavailableGuildCount,
            LastHeartbeatAck = status.LastHeartbeatAck,
            Resumes = status.Resumes,
            Reconnects = status.Reconnects,
            EventsPerSecond = Math.Round(eventsPerSecond, 1),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish shard status to Redis")]
    private partial void LogPublishFailed(Exception error);
}

/// <summary>Shard states as the status documents spell them.</summary>
public static class ShardStateNames
{
    public static string Of(ShardState state) => state.ToString().ToLowerInvariant();
}
