namespace Platform.Modules.Attributes;

/// <summary>
/// Makes a module method listen to a gateway event, like a discord.py <c>@Cog.listener()</c>. Its
/// parameter is the event's data (any Platform.Discord model, or <c>JsonElement</c>); it may also take
/// a <c>CancellationToken</c>. A listener never runs for a guild where its module is off.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class GatewayEventAttribute(string eventName) : Attribute
{
    public string EventName { get; } = eventName;
}
