namespace Platform.Modules.Attributes;

/// <summary>
/// Names and describes a command parameter, with Discord's own limits on its value (like Discord.Net's
/// <c>[Summary]</c>, <c>[MinValue]</c> and <c>[MaxLength]</c> in one). A parameter with a default is optional.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class OptionAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public double MinValue { get; init; } = double.NaN;

    public double MaxValue { get; init; } = double.NaN;

    /// <summary>Zero for no minimum.</summary>
    public int MinLength { get; init; }

    /// <summary>Zero for no maximum.</summary>
    public int MaxLength { get; init; }
}
