using Platform.Bot.Telemetry;
using Platform.Discord.Gateway;
using Platform.Discord.Rest;

namespace Platform.Bot.Shards;

/// <summary>
/// Decides which shards this process runs, takes their leases, starts them, and keeps the leases
/// for as long as they run. A lease lost, or not renewed in time, stops the shards at once and then
/// the process, rather than risk a shard running twice.
/// </summary>
public sealed partial class ShardSupervisor(
    DiscordRestClient rest,
    DiscordSettings discord,
    BotOptions options,
    ShardLeases leases,
    IIdentifyCoordinator identifyCoordinator,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory,
    TimeProvider time) : IAsyncDisposable
{
    private readonly TaskCompletionSource<DiscordGatewayClient> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stopping = new();
    private readonly ILogger logger = loggerFactory.CreateLogger<ShardSupervisor>();
    private IReadOnlyList<int> shardIds = [];
    private Task renewing = Task.CompletedTask;
    private Task? stopped;

    /// <summary>The running gateway, once its shards have been started.</summary>
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
        shardIds = options.ShardIds ?? [.. Enumerable.Range(0, total).Where(id => id % options.ProcessCount == options.ProcessIndex)];
        var heldUntil = await leases.AcquireAsync(shardIds, cancellationToken) + options.ShardLeaseDuration;
        LogLeased(shardIds, total, leases.Owner);
        renewing = KeepLeasesAsync(heldUntil, stopping.Token);

        var gateway = new DiscordGatewayClient(
            new DiscordGatewayOptions { Token = discord.Token, Intents = discord.Intents, TotalShards = total, ShardIds = shardIds },
            rest, identifyCoordinator, loggerFactory, time);
        await gateway.StartAsync(cancellationToken);
        started.TrySetResult(gateway);
        return gateway;
    }

    /// <summary>Stops the shards and gives their leases back; later calls wait for the first one.</summary>
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
        if (Gateway is { } gateway)
        {
            await gateway.StopAsync();
        }

        await renewing;
        try
        {
            await leases.ReleaseAsync(shardIds);
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

    /// <summary>
    /// Renews the leases every third of their duration. One that could not be renewed by
    /// <see cref="FenceMargin"/> before it may expire is as good as lost: the shards stop then, before
    /// another process can take them, whether Redis refused the renewal or never answered it.
    /// </summary>
    private async Task KeepLeasesAsync(DateTimeOffset heldUntil, CancellationToken cancellationToken)
    {
        var interval = options.ShardLeaseDuration / 3;
        var nextRenewal = time.GetUtcNow() + interval;
        try
        {
            while (true)
            {
                var fenceAt = heldUntil - FenceMargin;
                var wait = (nextRenewal < fenceAt ? nextRenewal : fenceAt) - time.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, cancellationToken);
                if (time.GetUtcNow() >= fenceAt)
                {
                    await FenceAsync("could not be renewed in time");
                    return;
                }

                var sentAt = time.GetUtcNow();
                nextRenewal = sentAt + interval;
                try
                {
                    if (!await leases.RenewAsync(shardIds).WaitAsync(fenceAt - sentAt, time, cancellationToken))
                    {
                        await FenceAsync("is held by another process");
                        return;
                    }

                    heldUntil = sentAt + options.ShardLeaseDuration;
                }
                catch (Exception error) when (RedisFailure.Is(error) || error is TimeoutException)
                {
                    LogRenewFailed(error, fenceAt);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Time kept back to close the shards' connections before a lease may lapse.</summary>
    private TimeSpan FenceMargin => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, options.ShardLeaseDuration.Ticks / 5));

    private async Task FenceAsync(string reason)
    {
        LogFenced(shardIds, reason);
        BotTelemetry.ShardsFenced.Add(shardIds.Count);
        if (Gateway is { } gateway)
        {
            await gateway.StopAsync();
        }

        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Holding shards {ShardIds} of {Total} as {Owner}")]
    private partial void LogLeased(IReadOnlyList<int> shardIds, int total, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew shard leases; trying again until {FenceAt:O}, when the shards stop")]
    private partial void LogRenewFailed(Exception error, DateTimeOffset fenceAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give the shard leases back; they expire on their own")]
    private partial void LogReleaseFailed(Exception error);

    [LoggerMessage(
        Level = LogLevel.Critical,
        Message = "The lease of a shard among {ShardIds} {Reason}; stopped the shards and the process so that no shard runs twice")]
    private partial void LogFenced(IReadOnlyList<int> shardIds, string reason);
}
