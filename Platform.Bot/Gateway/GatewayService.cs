using Platform.Discord.Gateway;

namespace Platform.Bot.Gateway;

/// <summary>Runs the bot's shards for the life of the process and reads their events.</summary>
public sealed partial class GatewayService(DiscordGatewayClient gateway, ILogger<GatewayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await gateway.StartAsync(stoppingToken);
        LogStarted(gateway.Shards.Count, gateway.Shards.Select(s => s.ShardId));

        // Modules subscribe to these events once the module system lands; until then they are read and let go.
        await foreach (var dispatch in gateway.Dispatches.ReadAllAsync(stoppingToken))
        {
            LogDispatch(dispatch.ShardId, dispatch.Name, dispatch.Sequence);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await gateway.StopAsync();
        await base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway started with {Count} shard(s): {ShardIds}")]
    private partial void LogStarted(int count, IEnumerable<int> shardIds);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Shard {ShardId} received {Event} (seq {Sequence})")]
    private partial void LogDispatch(int shardId, string @event, int sequence);
}
