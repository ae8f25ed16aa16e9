namespace Platform.Modules.Attributes;

/// <summary>
/// Puts a module's commands under one command as subcommands (<c>/tag get</c>); on a nested class,
/// makes a subcommand group (<c>/tag admin purge</c>). As in Discord.Net.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GroupAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;
}
