using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Platform.Discord.Rest;

namespace Platform.Discord.Gateway;

/// <summary>
/// Runs a bot's shards: the count and URL come from GET /gateway/bot (or configuration), IDENTIFYs
/// are paced by an <see cref="IIdentifyCoordinator"/>, and every shard's events arrive on one
/// bounded <see cref="Dispatches"/> channel. Shards can be added and removed while it runs, so that
/// processes can take over each other's shards.
/// </summary>
public sealed class DiscordGatewayClient(
    DiscordGatewayOptions options,
    DiscordRestClient rest,
    IIdentifyCoordinator identifyCoordinator,
    ILoggerFactory loggerFactory,
    TimeProvider time) : IAsyncDisposable
{
    // Synchronous continuations: a reader waiting for the next event goes on at once on the shard's
    // receive loop instead of being woken on another thread, one wake-up fewer per event (the
    // round-trip benchmark's README has what it saved).
    private readonly Channel<GatewayDispatch> dispatches = Channel.CreateBounded<GatewayDispatch>(
        new BoundedChannelOptions(options.DispatchCapacity) { FullMode = BoundedChannelFullMode.Wait, AllowSynchronousContinuations = true });

    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<int, RunningShard> running = [];
    private readonly ILogger logger = loggerFactory.CreateLogger<GatewayShard>();
    private GatewayBotInfo? gateway;

    /// <summary>
    /// Every shard's events, in order per shard. A reader that is waiting runs on the receiving shard's
    /// loop until its next await, so it must hand anything slow to another task (the bot starts each
    /// handler with <see cref="Task.Run(Func{Task})"/>), as a discord.py listener must not block the event loop.
    /// </summary>
    public ChannelReader<GatewayDispatch> Dispatches => dispatches.Reader;

    /// <summary>The shards running now, by id.</summary>
    public IReadOnlyList<GatewayShard> Shards { get; private set; } = [];

    /// <summary>Raised after a shard was added or removed.</summary>
    public event Action? ShardsChanged;

    public int TotalShards => gateway?.Shards ?? throw new InvalidOperationException("The gateway has not started.");

    /// <summary>Completes when the client has stopped; faults with <see cref="GatewayFatalException"/> when a shard could not go on.</summary>
    public Task Completion => completion.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bot = await rest.GetGatewayBotAsync(cancellationToken);
        var total = options.TotalShards ?? bot.Shards;
        var ids = options.ShardIds ?? [.. Enumerable.Range(0, total)];
        if (ids.FirstOrDefault(id => id < 0 || id >= total, -1) is var invalid and >= 0)
        {
            throw new ArgumentException($"Shard {invalid} is outside the bot's {total} shards.", nameof(options));
        }

        // Every IDENTIFY spends one of the day's session starts; running out resets the token.
        var limit = bot.SessionStartLimit;
        if (limit.Remaining < ids.Count)
        {
            throw new InvalidOperationException(
                $"Discord allows {limit.Remaining} more session starts until {TimeSpan.FromMilliseconds(limit.ResetAfter):g} from now, " +
                $"and starting {ids.Count} shards needs {ids.Count}. Not starting, to keep the token safe.");
        }

        gateway = bot with { Shards = total };
        var previousInBucket = new Dictionary<int, GatewayShard>();
        foreach (var id in ids.Order())
        {
            // Shards of one identify bucket start in id order.
            var bucket = id % limit.MaxConcurrency;
            previousInBucket[bucket] = Add(id, null, previousInBucket.GetValueOrDefault(bucket)?.FirstIdentifySent);
        }
    }

    /// <summary>Starts a shard; with a <paramref name="handover"/> it resumes that session before it would identify.</summary>
    public GatewayShard AddShard(int shardId, ShardHandover? handover = null)
    {
        if (shardId < 0 || shardId >= TotalShards)
        {
            throw new ArgumentOutOfRangeException(nameof(shardId), $"Shard {shardId} is outside the bot's {TotalShards} shards.");
        }

        return Add(shardId, handover, null);
    }

    /// <summary>Stops a shard without ending its session, and returns what another process needs to resume it.</summary>
    public async Task<ShardHandover?> RemoveShardAsync(int shardId)
    {
        RunningShard? removed;
        lock (running)
        {
            running.Remove(shardId, out removed);
            PublishShards();
        }

        if (removed is null)
        {
            return null;
        }

        ShardsChanged?.Invoke();
        await removed.StopAsync();
        return removed.Shard.Handover();
    }

    private GatewayShard Add(int shardId, ShardHandover? handover, Task? after)
    {
        var bot = gateway!;
        var shard = new GatewayShard(
            new GatewayShardOptions(options.Token, options.Intents, shardId, bot.Shards, bot.SessionStartLimit.MaxConcurrency)
            {
                Compress = options.Compress,
            },
            bot.Url,
            identifyCoordinator,
            dispatches.Writer,
            logger,
            time,
            handover);
        lock (running)
        {
            ObjectDisposedException.ThrowIf(stopping.IsCancellationRequested, this);
            if (running.ContainsKey(shardId))
            {
                throw new InvalidOperationException($"Shard {shardId} is already running.");
            }

            var scope = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            var run = Task.Run(() => shard.RunAsync(scope.Token, after), CancellationToken.None);
            running[shardId] = new RunningShard(shard, scope, run);
            PublishShards();
            run.ContinueWith(
                failed => completion.TrySetException(failed.Exception!.InnerExceptions),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        ShardsChanged?.Invoke();
        return shard;
    }

    /// <summary>Replaces <see cref="Shards"/> with what runs now; called under the lock on <c>running</c>.</summary>
    private void PublishShards() => Shards = [.. running.Values.Select(r => r.Shard).OrderBy(s => s.ShardId)];

    public async Task StopAsync()
    {
        RunningShard[] all;
        lock (running)
        {
            stopping.Cancel();
            all = [.. running.Values];
            // Shards keeps them: their last status (disconnected) is still worth reading.
            running.Clear();
        }

        await Task.WhenAll(all.Select(shard => shard.StopAsync()));
        dispatches.Writer.TryComplete();
        completion.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
    }

    private sealed record RunningShard(GatewayShard Shard, CancellationTokenSource Scope, Task Run)
    {
        public async Task StopAsync()
        {
            await Scope.CancelAsync();
            try
            {
                await Run;
            }
            catch (GatewayFatalException)
            {
                // Already reported by the shard and visible in its status.
            }
            finally
            {
                Scope.Dispose();
            }
        }
    }
}
