using Platform.Discord.Models;

namespace Platform.Discord.Interactions;

/// <summary>The first answer to an interaction (POST /interactions/{id}/{token}/callback), due within three seconds.</summary>
public sealed record InteractionResponse(InteractionCallbackType Type) : DiscordObject
{
    public InteractionCallbackData? Data { get; init; }

    public static InteractionResponse Message(string content, bool ephemeral = false) =>
        new(InteractionCallbackType.ChannelMessageWithSource)
        {
            Data = new() { Content = content, Flags = ephemeral ? MessageFlags.Ephemeral : null },
        };

    public static InteractionResponse Defer(bool ephemeral = false) =>
        new(InteractionCallbackType.DeferredChannelMessageWithSource) { Data = ephemeral ? new() { Flags = MessageFlags.Ephemeral } : null };

    public static InteractionResponse Autocomplete(IReadOnlyList<ApplicationCommandOptionChoice> choices) =>
        new(InteractionCallbackType.ApplicationCommandAutocompleteResult) { Data = new() { Choices = choices } };

    public static InteractionResponse Modal(string customId, string title, IReadOnlyList<Component> rows) =>
        new(InteractionCallbackType.Modal) { Data = new() { CustomId = customId, Title = title, Components = rows } };
}

public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
    Modal = 9,
    LaunchActivity = 12,
}

/// <summary>A message to send, or the autocomplete choices, or a modal: which fields apply depends on the callback type.</summary>
public sealed record InteractionCallbackData : DiscordObject
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public MessageFlags? Flags { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }
    public string? CustomId { get; init; }
    public string? Title { get; init; }
}
