using Platform.Discord.Interactions;

namespace Platform.Discord.Models;

/// <summary>The body of a message to create or edit (channel messages, follow-ups, edits of the original response).</summary>
public sealed record MessageContent : DiscordObject
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public MessageFlags? Flags { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
}

[Flags]
public enum MessageFlags
{
    None = 0,
    SuppressEmbeds = 1 << 2,
    Ephemeral = 1 << 6,
    Loading = 1 << 7,
    SuppressNotifications = 1 << 12,
}

public sealed record AllowedMentions : DiscordObject
{
    public IReadOnlyList<string>? Parse { get; init; }
    public IReadOnlyList<ulong>? Roles { get; init; }
    public IReadOnlyList<ulong>? Users { get; init; }
    public bool? RepliedUser { get; init; }

    /// <summary>Mentions nobody: the safe default for text that users wrote.</summary>
    public static AllowedMentions None { get; } = new() { Parse = [] };
}

public sealed record Embed : DiscordObject
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public int? Color { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public IReadOnlyList<EmbedField>? Fields { get; init; }
    public EmbedFooter? Footer { get; init; }
}

public sealed record EmbedField(string Name, string Value) : DiscordObject
{
    public bool? Inline { get; init; }
}

public sealed record EmbedFooter(string Text) : DiscordObject;
