using Platform.Bot.Gateway;
using Platform.Discord.Gateway;
using Platform.Discord.Rest;

namespace Platform.Bot.Shards;

/// <summary>
/// Decides which shards this process runs, takes their leases, starts them, and keeps the leases
/// for as long as they run. Losing a lease stops the process rather than risk a shard running twice.
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
            throw new InvalidOperationException($"Bot:ProcessIndex is {options.ProcessIndex}; it must be from 0 to Bot:ProcessCount - 1 ({options.ProcessCount - 1}).");
        }

        var total = options.TotalShards ?? (await rest.GetGatewayBotAsync(cancellationToken)).Shards;
        shardIds = options.ShardIds ?? [.. Enumerable.Range(0, total).Where(id => id % options.ProcessCount == options.ProcessIndex)];
        await leases.AcquireAsync(shardIds, cancellationToken);
        LogLeased(shardIds, total, leases.Owner);
        renewing = RenewLeasesAsync(stopping.Token);

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

    private async Task RenewLeasesAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.ShardLeaseDuration / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                bool held;
                try
                {
                    held = await leases.RenewAsync(shardIds);
                }
                catch (Exception error) when (RedisFailure.Is(error))
                {
                    // Unreachable is not lost: no other process can take the lease meanwhile, and if it expired the next renewal says so.
                    LogRenewFailed(error);
                    continue;
                }

                if (!held)
                {
                    LogLeaseLost(shardIds);
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Holding shards {ShardIds} of {Total} as {Owner}")]
    private partial void LogLeased(IReadOnlyList<int> shardIds, int total, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew shard leases; trying again")]
    private partial void LogRenewFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give the shard leases back; they expire on their own")]
    private partial void LogReleaseFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Lost the lease of a shard among {ShardIds}; stopping so that no shard runs twice")]
    private partial void LogLeaseLost(IReadOnlyList<int> shardIds);
}
