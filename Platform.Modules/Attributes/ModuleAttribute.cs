namespace Platform.Modules.Attributes;

/// <summary>Marks a <see cref="BotModule"/> and names it; the name is what guild admins switch on and off.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ModuleAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>Whether the module is on in a guild that has no row for it yet.</summary>
    public bool EnabledByDefault { get; init; } = true;

    /// <summary>False for modules the platform needs in every guild, such as <c>core</c>.</summary>
    public bool CanBeDisabled { get; init; } = true;

    /// <summary>A class with defaults and DataAnnotations rules, read from the guild's stored settings.</summary>
    public Type? Settings { get; init; }
}
