using Platform.Discord.Interactions;
using Platform.Discord.Models;

namespace Platform.Discord.Rest;

public sealed partial class DiscordRestClient
{
    /// <summary>The first answer to an interaction; Discord drops the interaction if none arrives within three seconds.</summary>
    public Task CreateInteractionResponseAsync(
        ulong interactionId,
        string token,
        InteractionResponse response,
        CancellationToken cancellationToken) =>
        SendWithoutResultAsync(
            RestRoute.Create(HttpMethod.Post, RestRoute.InteractionCallbackTemplate, interactionId, token),
            cancellationToken, Serialize(response, Json.InteractionResponse));

    /// <summary>A further message about the interaction, allowed for 15 minutes after it began.</summary>
    public Task<Message> CreateFollowupMessageAsync(ulong applicationId, string token, MessageContent message, CancellationToken cancellationToken) =>
        SendAsync(RestRoute.Create(HttpMethod.Post, "webhooks/{webhook_id}/{webhook_token}?wait=true", applicationId, token),
            Json.Message, cancellationToken, Serialize(message, Json.MessageContent));

    public Task<Message> EditOriginalResponseAsync(ulong applicationId, string token, MessageContent message, CancellationToken cancellationToken) =>
        EditFollowupMessageAsync(applicationId, token, "@original", message, cancellationToken);

    public Task DeleteOriginalResponseAsync(ulong applicationId, string token, CancellationToken cancellationToken) =>
        DeleteFollowupMessageAsync(applicationId, token, "@original", cancellationToken);

    public Task<Message> EditFollowupMessageAsync(
        ulong applicationId,
        string token,
        string messageId,
        MessageContent message,
        CancellationToken cancellationToken) =>
        SendAsync(
            RestRoute.Create(
                HttpMethod.Patch,
                "webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
                applicationId,
                token,
                messageId),
            Json.Message,
            cancellationToken,
            Serialize(message, Json.MessageContent));

    public Task DeleteFollowupMessageAsync(ulong applicationId, string token, string messageId, CancellationToken cancellationToken) =>
        SendWithoutResultAsync(
            RestRoute.Create(HttpMethod.Delete, "webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", applicationId, token, messageId),
            cancellationToken);
}
