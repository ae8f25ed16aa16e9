using Platform.Discord.Gateway;
using Platform.Discord.Interactions;
using Platform.Discord.Rest;
using Platform.Modules.Commands;
using Platform.Modules.Dispatch;
using Platform.Modules.State;

namespace Platform.Modules;

/// <summary>
/// What a host sees of the module framework: it starts the modules (who the bot is, each module's load hook, the
/// catalogue the api reads, the Redis signals, the command set, the loops), hands them interactions and gateway events,
/// and stops and unloads them at shutdown. Everything behind it is internal, so a host cannot come to depend on how it works.
/// </summary>
public sealed partial class ModuleHost
{
    private readonly DiscordRestClient rest;
    private readonly BotIdentity identity;
    private readonly ModuleLifecycle lifecycle;
    private readonly ModuleCatalogPublisher catalog;
    private readonly ModuleSignals signals;
    private readonly CommandSync commands;
    private readonly InteractionDispatcher interactions;
    private readonly EventDispatcher events;
    private readonly ModuleLoops loops;
    private readonly ILogger<ModuleHost> logger;

    internal ModuleHost(
        DiscordRestClient rest, BotIdentity identity, ModuleLifecycle lifecycle, ModuleCatalogPublisher catalog, ModuleSignals signals,
        CommandSync commands, InteractionDispatcher interactions, EventDispatcher events, ModuleLoops loops, ILogger<ModuleHost> logger)
    {
        (this.rest, this.identity, this.lifecycle, this.catalog, this.signals) = (rest, identity, lifecycle, catalog, signals);
        (this.commands, this.interactions, this.events, this.loops, this.logger) = (commands, interactions, events, loops, logger);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        identity.Set(await rest.GetCurrentApplicationAsync(cancellationToken));
        await lifecycle.LoadAsync(cancellationToken);
        await catalog.PublishAsync();
        await signals.SubscribeAsync(cancellationToken);
        try
        {
            await commands.SyncAsync(force: false, cancellationToken);
        }
        catch (DiscordApiException error)
        {
            // The commands registered before still work; the bot is more use running than not.
            LogSyncFailed(error);
        }

        loops.Start();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await loops.StopAsync();
        await lifecycle.UnloadAsync(cancellationToken);
    }

    /// <param name="receivedAt">When the interaction was read off the gateway, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</param>
    public Task DispatchInteractionAsync(Interaction interaction, int shardId, long receivedAt, CancellationToken cancellationToken) =>
        interactions.DispatchAsync(interaction, shardId, receivedAt, cancellationToken);

    public bool HasListeners(string eventName) => events.HasListeners(eventName);

    public Task DispatchEventAsync(GatewayDispatch dispatch, CancellationToken cancellationToken) =>
        events.DispatchAsync(dispatch, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not register the command set; the previously registered commands stay")]
    private partial void LogSyncFailed(Exception error);
}
