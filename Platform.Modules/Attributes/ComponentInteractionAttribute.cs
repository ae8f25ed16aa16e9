namespace Platform.Modules.Attributes;

/// <summary>
/// Handles a button or select menu whose <c>custom_id</c> matches <paramref name="customId"/>; each
/// <c>*</c> captures a part that binds, in order, to the method's string parameters, and a select
/// menu's values bind to a <c>string[]</c> parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ComponentInteractionAttribute(string customId) : Attribute
{
    public string CustomId { get; } = customId;
}

/// <summary>
/// Handles a submitted modal whose <c>custom_id</c> matches <paramref name="customId"/>; captures bind
/// first, then each remaining string parameter takes the text input whose <c>custom_id</c> is its name.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ModalInteractionAttribute(string customId) : Attribute
{
    public string CustomId { get; } = customId;
}
