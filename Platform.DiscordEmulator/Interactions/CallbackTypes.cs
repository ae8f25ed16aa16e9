using Platform.Discord.Interactions;

namespace Platform.DiscordEmulator.Interactions;

/// <summary>
/// Which first answers Discord takes for each kind of interaction: a PING only a PONG, an autocomplete
/// only its choices, a modal never opens another modal, and a message can be updated only where there
/// is one (a component's, or the one behind a modal opened from a component).
/// </summary>
public static class CallbackTypes
{
    private static readonly InteractionCallbackType[] ForCommand =
    [
        InteractionCallbackType.ChannelMessageWithSource,
        InteractionCallbackType.DeferredChannelMessageWithSource,
        InteractionCallbackType.Modal,
        InteractionCallbackType.LaunchActivity];

    private static readonly InteractionCallbackType[] ForComponent =
    [
        InteractionCallbackType.ChannelMessageWithSource,
        InteractionCallbackType.DeferredChannelMessageWithSource,
        InteractionCallbackType.DeferredUpdateMessage,
        InteractionCallbackType.UpdateMessage,
        InteractionCallbackType.Modal,
        InteractionCallbackType.LaunchActivity,
    ];

    private static readonly InteractionCallbackType[] ForModalOnMessage =
    [
        InteractionCallbackType.ChannelMessageWithSource, InteractionCallbackType.DeferredChannelMessageWithSource,
        InteractionCallbackType.DeferredUpdateMessage, InteractionCallbackType.UpdateMessage,
    ];

    public static IReadOnlyList<InteractionCallbackType> AllowedFor(Interaction interaction) => interaction.Type switch
    {
        InteractionType.Ping => [InteractionCallbackType.Pong],
        InteractionType.ApplicationCommandAutocomplete => [InteractionCallbackType.ApplicationCommandAutocompleteResult],
        InteractionType.MessageComponent => ForComponent,
        InteractionType.ModalSubmit when interaction.Message is not null => ForModalOnMessage,
        InteractionType.ModalSubmit => [InteractionCallbackType.ChannelMessageWithSource, InteractionCallbackType.DeferredChannelMessageWithSource],
        _ => ForCommand,
    };
}
