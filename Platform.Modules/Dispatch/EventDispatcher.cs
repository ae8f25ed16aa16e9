using System.Diagnostics;
using Platform.Discord.Gateway;
using Platform.Modules.Catalog;
using Platform.Modules.State;

namespace Platform.Modules.Dispatch;

/// <summary>
/// Hands gateway events to the modules' listeners, each run in a DI scope of its own. A listener never
/// runs for a guild where its module is off, the same rule commands follow.
/// </summary>
internal sealed partial class EventDispatcher(ModuleCatalog catalog, GuildModuleStates states, IServiceScopeFactory scopes, ILogger<EventDispatcher> logger)
{
    public bool HasListeners(string eventName) => catalog.Listeners.Contains(eventName);

    public async Task DispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        var guildId = DispatchGuild.Find(dispatch);
        foreach (var listener in catalog.Listeners[dispatch.Name])
        {
            if (guildId is { } id && !await states.IsEnabledAsync(id, listener.Module, cancellationToken))
            {
                continue;
            }

            await RunAsync(listener, dispatch, guildId, cancellationToken);
        }
    }

    private async Task RunAsync(ListenerInfo listener, GatewayDispatch dispatch, ulong? guildId, CancellationToken cancellationToken)
    {
        using var activity = ModuleTelemetry.ActivitySource.StartActivity($"event {listener.DisplayName}");
        var outcome = "ok";
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            CurrentInvocation.Set(listener, guildId, channelId: null, userId: null);
            var module = listener.CreateModule(scope.ServiceProvider);
            await listener.InvokeAsync(module, listener.Arguments(dispatch, cancellationToken));
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = "error";
            activity?.SetStatus(ActivityStatusCode.Error, error.Message).AddException(error);
            LogListenerFailed(error, listener.DisplayName, listener.Module.Name, dispatch.ShardId);
        }
        finally
        {
            ModuleTelemetry.ListenerRuns.Add(1, new TagList { { "module", listener.Module.Name }, { "event", dispatch.Name }, { "outcome", outcome } });
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Listener} of module {Module} failed on shard {ShardId}")]
    private partial void LogListenerFailed(Exception error, string listener, string module, int shardId);
}
