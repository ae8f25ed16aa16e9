using System.Diagnostics;
using Platform.Discord.Gateway;
using Platform.Modules.Catalog;
using Platform.Modules.State;

namespace Platform.Modules.Dispatch;

/// <summary>
/// Hands gateway events to the modules' listeners, each run in a DI scope of its own. A listener never
/// runs for a guild where its module is off, the same rule commands follow.
/// </summary>
internal sealed class EventDispatcher(ModuleCatalog catalog, GuildModuleStates states, UnattendedRuns runs)
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

            var outcome = await runs.RunAsync(
                listener,
                $"event {listener.DisplayName}",
                guildId,
                () => listener.Arguments(dispatch, cancellationToken),
                cancellationToken);
            ModuleTelemetry.ListenerRuns.Add(
                1,
                new TagList
                {
                    { "module", listener.Module.Name },
                    { "event", dispatch.Name },
                    { "outcome", outcome },
                });
        }
    }
}
