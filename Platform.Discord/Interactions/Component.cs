using Platform.Discord.Models;

namespace Platform.Discord.Interactions;

/// <summary>A message or modal component: an action row, button, select menu or text input.</summary>
public sealed record Component(ComponentType Type) : DiscordObject
{
    public string? CustomId { get; init; }
    public string? Label { get; init; }
    public int? Style { get; init; }
    public string? Url { get; init; }
    public bool? Disabled { get; init; }
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public bool? Required { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public int? MinValues { get; init; }
    public int? MaxValues { get; init; }
    public IReadOnlyList<SelectOption>? Options { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
}

public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
    UserSelect = 5,
    RoleSelect = 6,
    MentionableSelect = 7,
    ChannelSelect = 8,
}

public sealed record SelectOption(string Label, string Value) : DiscordObject
{
    public string? Description { get; init; }
    public bool? Default { get; init; }
}
