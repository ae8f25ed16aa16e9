namespace Platform.Modules.Attributes;

/// <summary>Makes a module method a slash command; its parameters become the command's options.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SlashCommandAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>Whether an automatic deferral, when the handler runs long, shows as "only you can see this".</summary>
    public bool DeferEphemeral { get; init; }
}
