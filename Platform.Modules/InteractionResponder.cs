using Platform.Discord.Interactions;
using Platform.Discord.Models;
using Platform.Discord.Rest;

namespace Platform.Modules;

/// <summary>
/// Answers one interaction in the order Discord demands: the first answer through the callback, and
/// everything after it through the webhook. Whether the handler or the automatic deferral gets there
/// first, each call turns into the request that is right at that moment.
/// </summary>
/// <param name="answered">Called once the first answer (an answer or a deferral) has reached Discord.</param>
internal sealed class InteractionResponder(DiscordRestClient rest, Interaction interaction, Action? answered = null)
{
    // Content from members (tag text, for one) must never ping @everyone or a role by surprise.
    private static readonly AllowedMentions NoMentions = new() { Parse = [] };

    private readonly SemaphoreSlim gate = new(1, 1);
    private ResponseState state = ResponseState.None;
    private bool deferredEphemeral;

    public bool HasResponded => state != ResponseState.None;

    public bool IsDeferred => state == ResponseState.Deferred;

    public Task RespondAsync(InteractionCallbackData data, bool ephemeral, CancellationToken cancellationToken) =>
        WithGateAsync(async () =>
        {
            if (interaction.Type == InteractionType.ApplicationCommandAutocomplete)
            {
                // Discord takes only choices here and refuses a message (400, "Value must be one of {8}"):
                // a refusal or a failure shows as no suggestions.
                if (state == ResponseState.None)
                {
                    await CallbackAsync(InteractionResponse.Autocomplete([]), cancellationToken);
                    state = ResponseState.Responded;
                }

                return;
            }

            data = data with { AllowedMentions = NoMentions, Flags = ephemeral ? MessageFlags.Ephemeral : null };
            switch (state)
            {
                case ResponseState.None:
                    await CallbackAsync(new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource) { Data = data }, cancellationToken);
                    state = ResponseState.Responded;
                    break;
                case ResponseState.Deferred when deferredEphemeral == ephemeral:
                    await rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, ToMessage(data), cancellationToken);
                    state = ResponseState.Responded;
                    break;
                case ResponseState.Deferred:
                    // The deferral fixed the original's visibility; an answer meant otherwise replaces it.
                    await rest.DeleteOriginalResponseAsync(interaction.ApplicationId, interaction.Token, cancellationToken);
                    await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, ToMessage(data), cancellationToken);
                    state = ResponseState.Responded;
                    break;
                default:
                    await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, ToMessage(data), cancellationToken);
                    break;
            }
        });

    public Task DeferAsync(bool ephemeral, CancellationToken cancellationToken) =>
        WithGateAsync(async () =>
        {
            if (state != ResponseState.None)
            {
                return;
            }

            var response = interaction.Type == InteractionType.MessageComponent
                ? new InteractionResponse(InteractionCallbackType.DeferredUpdateMessage)
                : InteractionResponse.Defer(ephemeral);
            await CallbackAsync(response, cancellationToken);
            (state, deferredEphemeral) = (
                interaction.Type == InteractionType.MessageComponent ? ResponseState.Responded : ResponseState.Deferred,
                ephemeral);
        });

    public Task<Message> FollowupAsync(MessageContent message, CancellationToken cancellationToken) =>
        rest.CreateFollowupMessageAsync(
            interaction.ApplicationId,
            interaction.Token,
            message with
            {
                AllowedMentions = NoMentions,
            },
            cancellationToken);

    /// <summary>Replaces the content of the answer already given.</summary>
    public Task ModifyOriginalAsync(string content, CancellationToken cancellationToken) =>
        WithGateAsync(async () =>
        {
            if (state == ResponseState.None)
            {
                throw new InvalidOperationException("There is no answer to modify yet: respond or defer first.");
            }

            await rest.EditOriginalResponseAsync(
                interaction.ApplicationId,
                interaction.Token,
                new MessageContent { Content = content, AllowedMentions = NoMentions },
                cancellationToken);
            state = ResponseState.Responded;
        });

    public Task ModifyFollowupAsync(ulong messageId, string content, CancellationToken cancellationToken) =>
        rest.EditFollowupMessageAsync(
            interaction.ApplicationId,
            interaction.Token,
            messageId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new MessageContent { Content = content, AllowedMentions = NoMentions },
            cancellationToken);

    public Task UpdateMessageAsync(InteractionCallbackData data, CancellationToken cancellationToken) =>
        WithGateAsync(async () =>
        {
            if (interaction.Type != InteractionType.MessageComponent && interaction.Message is null)
            {
                throw new InvalidOperationException(
                    "Only an interaction from a message (a component, or a modal opened from one) can update that message.");
            }

            data = data with { AllowedMentions = NoMentions };
            if (state == ResponseState.None)
            {
                await CallbackAsync(new InteractionResponse(InteractionCallbackType.UpdateMessage) { Data = data }, cancellationToken);
                state = ResponseState.Responded;
            }
            else
            {
                await rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, ToMessage(data), cancellationToken);
            }
        });

    public Task RespondWithModalAsync(InteractionResponse modal, CancellationToken cancellationToken) =>
        WithGateAsync(async () =>
        {
            if (state != ResponseState.None)
            {
                throw new InvalidOperationException(
                    "A modal can only be the first answer to an interaction; this one was already answered or deferred.");
            }

            if (interaction.Type is InteractionType.ModalSubmit or InteractionType.ApplicationCommandAutocomplete)
            {
                throw new InvalidOperationException($"Discord does not let a {interaction.Type} interaction open a modal.");
            }

            await CallbackAsync(modal, cancellationToken);
            state = ResponseState.Responded;
        });

    public Task RespondWithChoicesAsync(IReadOnlyList<ApplicationCommandOptionChoice> choices, CancellationToken cancellationToken) =>
        WithGateAsync(async () =>
        {
            await CallbackAsync(InteractionResponse.Autocomplete(choices), cancellationToken);
            state = ResponseState.Responded;
        });

    /// <summary>
    /// Closes what the handler left open: an unanswered interaction gets a private "Done.", and a deferred
    /// one its answer, or it would show "thinking..." forever.
    /// </summary>
    public Task CompleteAsync(CancellationToken cancellationToken) => state switch
    {
        ResponseState.None => RespondAsync(new() { Content = "Done." }, ephemeral: true, cancellationToken),
        ResponseState.Deferred => RespondAsync(new() { Content = "Done." }, deferredEphemeral, cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task CallbackAsync(InteractionResponse response, CancellationToken cancellationToken)
    {
        await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken);
        answered?.Invoke();
    }

    private static MessageContent ToMessage(InteractionCallbackData data) =>
        new()
        {
            Content = data.Content,
            Embeds = data.Embeds,
            Components = data.Components,
            AllowedMentions = data.AllowedMentions,
            Flags = data.Flags,
        };

    private async Task WithGateAsync(Func<Task> action)
    {
        await gate.WaitAsync();
        try
        {
            await action();
        }
        finally
        {
            gate.Release();
        }
    }

    private enum ResponseState
    {
        None,
        Deferred,
        Responded,
    }
}
