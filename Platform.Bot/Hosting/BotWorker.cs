using System.Text.Json;
using Platform.Bot.Guilds;
using Platform.Bot.Llm.Budgets;
using Platform.Bot.Shards;
using Platform.Discord.Gateway;
using Platform.Discord.Json;
using Platform.Modules;

namespace Platform.Bot.Hosting;

/// <summary>
/// Brings the bot up in order (who it is, its modules, its commands, its shards) and then hands each
/// gateway event to whoever handles it. Handlers run beside the event loop, so a slow one holds up nothing.
/// </summary>
public sealed partial class BotWorker(
    BotIdentity identity,
    ModuleHost modules,
    BudgetSignals budgetSignals,
    ShardSupervisor supervisor,
    GuildDirectory guilds,
    AccessChanges access,
    ILogger<BotWorker> logger) : BackgroundService
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly InFlightWork inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await modules.StartAsync(stoppingToken);
        await budgetSignals.SubscribeAsync();

        var gateway = await supervisor.StartAsync(stoppingToken);
        LogStarted(identity.ApplicationId, gateway.Shards.Select(s => s.ShardId));
        await foreach (var dispatch in gateway.Dispatches.ReadAllAsync(stoppingToken))
        {
            using (dispatch)
            {
                Route(dispatch, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Stops taking events, lets the handlers that are running finish (members get their answers), and only
    /// then cancels what is left, so that a deploy does not cut off every command in flight.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await supervisor.StopAsync();
        await inFlight.DrainAsync(DrainTimeout);
        await base.StopAsync(cancellationToken);
        await modules.StopAsync(cancellationToken);
    }

    private void Route(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        try
        {
            if (GuildDirectory.Handles(dispatch.Name))
            {
                guilds.Enqueue(dispatch);
            }

            if (AccessChanges.Handles(dispatch.Name) && AccessChanges.Read(dispatch) is { } change)
            {
                inFlight.Start(() => access.PublishAsync(change, dispatch.Name));
            }
            else if (dispatch.Name == GatewayEventNames.InteractionCreate)
            {
                var interaction = dispatch.Deserialize(DiscordJsonContext.Default.Interaction);
                inFlight.Start(() => modules.DispatchInteractionAsync(interaction, dispatch.ShardId, dispatch.ReceivedAt, cancellationToken));
            }

            if (modules.HasListeners(dispatch.Name))
            {
                // The listeners read the event after Route returns, so they hold a reference of their own.
                var held = dispatch.Retain();
                inFlight.Start(async () =>
                {
                    using (held)
                    {
                        await modules.DispatchEventAsync(held, cancellationToken);
                    }
                });
            }
        }
        catch (JsonException error)
        {
            // One event that cannot be read must not stop the shard's next ones.
            LogEventFailed(error, dispatch.Name, dispatch.ShardId, dispatch.Sequence);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {ApplicationId} running shards {ShardIds}")]
    private partial void LogStarted(ulong applicationId, IEnumerable<int> shardIds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {Event} (shard {ShardId}, seq {Sequence}) could not be handled")]
    private partial void LogEventFailed(Exception error, string @event, int shardId, int sequence);
}
