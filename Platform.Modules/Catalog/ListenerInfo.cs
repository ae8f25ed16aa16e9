using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Platform.Discord.Gateway;
using Platform.Discord.Json;

namespace Platform.Modules.Catalog;

/// <summary>A gateway event listener: the event it wants and how to read that event's data for it.</summary>
internal sealed class ListenerInfo : HandlerInfo
{
    private readonly JsonTypeInfo payloadType;
    private readonly bool takesCancellation;

    public ListenerInfo(ModuleInfo module, MethodInfo method, string eventName)
        : base(module, method)
    {
        EventName = eventName;
        var payload = Parameters.FirstOrDefault(p => p.ParameterType != typeof(CancellationToken))
            ?? throw new ModuleDefinitionException($"{method.Name} listens to {eventName} and needs a parameter for its data.");
        payloadType = DiscordJsonContext.Default.GetTypeInfo(payload.ParameterType) ?? throw new ModuleDefinitionException(
            $"{method.Name} takes {payload.ParameterType.Name}, which Platform.Discord cannot read; take a Platform.Discord model or JsonElement.");
        takesCancellation = Parameters.Count == 2;
        if (Parameters.Count > 2 || Parameters[0] != payload)
        {
            throw new ModuleDefinitionException($"{method.Name}: a listener takes the event's data, then optionally a CancellationToken.");
        }
    }

    public string EventName { get; }

    public override string DisplayName => $"{EventName} listener {Method.Name}";

    internal object?[] Arguments(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Deserialize(dispatch.Data.Span, payloadType);
        return takesCancellation ? [data, cancellationToken] : [data];
    }
}
