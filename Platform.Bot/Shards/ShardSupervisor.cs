using Platform.Bot.Telemetry;
using Platform.Discord.Gateway;
using Platform.Discord.Rest;

namespace Platform.Bot.Shards;

/// <summary>
/// Decides which shards this process runs, takes their leases, starts them, and keeps the leases for as long as
/// they run. While it runs it also takes over shards that no process runs, and hands back the ones it adopted
/// when their home process returns (<see cref="ShardPlan"/>), each time resuming the session where it stopped.
/// A lease lost, or not renewed in time, stops the shards at once and then the process, rather than risk a
/// shard running twice.
/// </summary>
public sealed partial class ShardSupervisor(
    DiscordRestClient rest,
    DiscordSettings discord,
    BotOptions options,
    ShardLeases leases,
    ShardHandovers handovers,
    IIdentifyCoordinator identifyCoordinator,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory,
    TimeProvider time) : IAsyncDisposable
{
    private readonly TaskCompletionSource<DiscordGatewayClient> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stopping = new();
    private readonly ILogger logger = loggerFactory.CreateLogger<ShardSupervisor>();
    private readonly HashSet<int> leased = [];
    private IReadOnlyList<int> homeShards = [];
    private DateTimeOffset startedAt;
    private Task tending = Task.CompletedTask;
    private Task planning = Task.CompletedTask;
    private Task? stopped;
    private bool fenced;

    /// <summary>The running gateway, once it has started.</summary>
    public DiscordGatewayClient? Gateway => started.Task.IsCompletedSuccessfully ? started.Task.Result : null;

    public Task<DiscordGatewayClient> WhenStarted => started.Task;

    public IReadOnlyList<GatewayShard> Shards => Gateway?.Shards ?? [];

    public async Task<DiscordGatewayClient> StartAsync(CancellationToken cancellationToken)
    {
        if ((options.ShardIds is not null || options.ProcessCount > 1) && options.TotalShards is null)
        {
            throw new InvalidOperationException("Bot:ShardIds and Bot:ProcessCount need Bot:TotalShards: every process must agree on the total.");
        }

        if (options.ProcessIndex < 0 || options.ProcessIndex >= options.ProcessCount)
        {
            throw new InvalidOperationException(
                $"Bot:ProcessIndex is {options.ProcessIndex}; it must be from 0 to Bot:ProcessCount - 1 ({options.ProcessCount - 1}).");
        }

        var total = options.TotalShards ?? (await rest.GetGatewayBotAsync(cancellationToken)).Shards;
        homeShards = options.ShardIds ?? [.. Enumerable.Range(0, total).Where(id => id % options.ProcessCount == options.ProcessIndex)];
        startedAt = time.GetUtcNow();
        var homes = Held(homeShards, await leases.ClaimHomeAsync(homeShards));
        var taken = Held(homes, await leases.TakeAsync(homes));
        var resumable = (await Task.WhenAll(taken.Select(handovers.ReadAsync))).OfType<ShardHandover>().ToList();
        leased.UnionWith(taken);
        LogStarting(taken, homeShards, total, leases.Owner);

        var gateway = new DiscordGatewayClient(
            new DiscordGatewayOptions
            {
                Token = discord.Token,
                Intents = discord.Intents,
                TotalShards = total,
                ShardIds = [.. taken.Except(resumable.Select(h => h.ShardId))],
            },
            rest, identifyCoordinator, loggerFactory, time);
        await gateway.StartAsync(cancellationToken);
        resumable.ForEach(handover => gateway.AddShard(handover.ShardId, handover));
        tending = TendAsync(gateway, startedAt + options.ShardLeaseDuration, stopping.Token);
        started.TrySetResult(gateway);
        return gateway;
    }

    /// <summary>
    /// Stops the shards, leaves their sessions for the process that runs them next, and gives their leases and
    /// home claims back; later calls wait for the first one.
    /// </summary>
    public Task StopAsync()
    {
        lock (stopping)
        {
            return stopped ??= StopOnceAsync();
        }
    }

    private async Task StopOnceAsync()
    {
        await stopping.CancelAsync();
        await tending;
        await planning;
        if (Gateway is not { } gateway)
        {
            return;
        }

        await gateway.StopAsync();
        try
        {
            if (!fenced)
            {
                await Task.WhenAll(gateway.Shards.Select(s => s.Handover()).OfType<ShardHandover>().Select(handovers.HandOverAsync));
            }

            await Task.WhenAll(leases.ReleaseAsync(Leased()), leases.ReleaseHomeAsync(homeShards));
        }
        catch (Exception error) when (RedisFailure.Is(error) || error is ObjectDisposedException)
        {
            LogReleaseFailed(error);
        }
    }

    /// <summary>Cancels what still runs; the leases are given back by <see cref="StopAsync"/>, or expire.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        stopping.Dispose();
    }

    private static List<int> Held(IReadOnlyList<int> shardIds, bool[] held) => [.. shardIds.Where((_, i) => held[i])];

    private async Task FenceAsync(DiscordGatewayClient gateway, string reason)
    {
        fenced = true;
        var shardIds = Leased();
        LogFenced(shardIds, reason);
        BotTelemetry.ShardsFenced.Add(shardIds.Length);
        await gateway.StopAsync();
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Holding shards {ShardIds} of {Total} as {Owner} (home shards: {HomeShards})")]
    private partial void LogStarting(IReadOnlyList<int> shardIds, IReadOnlyList<int> homeShards, int total, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give the shard leases back; they expire on their own")]
    private partial void LogReleaseFailed(Exception error);

    [LoggerMessage(
        Level = LogLevel.Critical,
        Message = "The lease of a shard among {ShardIds} {Reason}; stopped the shards and the process so that no shard runs twice")]
    private partial void LogFenced(IReadOnlyList<int> shardIds, string reason);
}
