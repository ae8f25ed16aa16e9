using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Platform.Discord.Rest;

namespace Platform.Discord.Gateway;

/// <summary>
/// Runs a bot's shards: the count and URL come from GET /gateway/bot (or configuration), IDENTIFYs
/// are paced by an <see cref="IIdentifyCoordinator"/>, and every shard's events arrive on one
/// bounded <see cref="Dispatches"/> channel.
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
    private Task running = Task.CompletedTask;

    /// <summary>
    /// Every shard's events, in order per shard. A reader that is waiting runs on the receiving shard's
    /// loop until its next await, so it must hand anything slow to another task (the bot starts each
    /// handler with <see cref="Task.Run(Func{Task})"/>), as a discord.py listener must not block the event loop.
    /// </summary>
    public ChannelReader<GatewayDispatch> Dispatches => dispatches.Reader;

    public IReadOnlyList<GatewayShard> Shards { get; private set; } = [];

    /// <summary>Completes when every shard has stopped; faults with <see cref="GatewayFatalException"/> when one could not go on.</summary>
    public Task Completion => running;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var gateway = await rest.GetGatewayBotAsync(cancellationToken);
        var total = options.TotalShards ?? gateway.Shards;
        var ids = options.ShardIds ?? [.. Enumerable.Range(0, total)];
        if (ids.FirstOrDefault(id => id < 0 || id >= total, -1) is var invalid and >= 0)
        {
            throw new ArgumentException($"Shard {invalid} is outside the bot's {total} shards.", nameof(options));
        }

        // Every IDENTIFY spends one of the day's session starts; running out resets the token.
        var limit = gateway.SessionStartLimit;
        if (limit.Remaining < ids.Count)
        {
            throw new InvalidOperationException(
                $"Discord allows {limit.Remaining} more session starts until {TimeSpan.FromMilliseconds(limit.ResetAfter):g} from now, " +
                $"and starting {ids.Count} shards needs {ids.Count}. Not starting, to keep the token safe.");
        }

        var logger = loggerFactory.CreateLogger<GatewayShard>();
        Shards =
        [
            .. ids.Order()
                .Select(id => new GatewayShard(
                    new GatewayShardOptions(options.Token, options.Intents, id, total, limit.MaxConcurrency)
                    {
                        Compress = options.Compress,
                    },
                    gateway.Url,
                    identifyCoordinator,
                    dispatches.Writer,
                    logger,
                    time))];
        running = Task.WhenAll(
            Shards.Select(
                (shard, index) =>
                {
                    var previousInBucket = Shards
                        .Take(index)
                        .LastOrDefault(other =>
                            other.ShardId % limit.MaxConcurrency == shard.ShardId % limit.MaxConcurrency);
                    return Task.Run(
                        () => shard.RunAsync(stopping.Token, previousInBucket?.FirstIdentifySent),
                        CancellationToken.None);
                }));
    }

    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await running;
        }
        catch (GatewayFatalException)
        {
            // Already reported by the shard and visible in its status.
        }

        dispatches.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
    }
}
