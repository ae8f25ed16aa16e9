using System.Text.Json;
using Platform.Discord.Interactions;
using Platform.Discord.Json;
using Platform.Discord.Models;
using Platform.DiscordEmulator.Interactions;
using Platform.DiscordEmulator.World;

namespace Platform.DiscordEmulator.Rest;

/// <summary>
/// The interaction callback (once, within three seconds) and the webhook routes for follow-ups and
/// edits (for fifteen minutes). A 204 carries no Content-Type, as some clients break on one.
/// </summary>
public static class InteractionsApi
{
    public static IEndpointRouteBuilder MapInteractionsApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/interactions/{interaction_id}/{interaction_token}/callback", CallbackAsync);
        api.MapPost("/webhooks/{webhook_id}/{webhook_token}", FollowupAsync);
        api.MapPatch("/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", EditAsync);
        api.MapDelete("/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", DeleteAsync);
        return api;
    }

    private static async Task<IResult> CallbackAsync(
        ulong interaction_id, string interaction_token, bool? with_response, HttpRequest request,
        InteractionStore store, EmulatorWorld world, MessageLog messages, TimeProvider time)
    {
        if (store.FindAnswerable(interaction_id, interaction_token) is not { } record)
        {
            store.CountLateCallback();
            return DiscordErrors.UnknownInteraction();
        }

        using var body = await JsonDocument.ParseAsync(request.Body);
        var response = body.RootElement.Deserialize(DiscordJsonContext.Default.InteractionResponse);
        if (response is null || !Enum.IsDefined(response.Type))
        {
            return DiscordErrors.InvalidFormBody(new Dictionary<string, string> { ["type"] = "Value is not a valid interaction callback type." });
        }

        if (CallbackTypes.AllowedFor(record.Interaction) is var allowed && !allowed.Contains(response.Type))
        {
            return DiscordErrors.InvalidFormBody(
                new Dictionary<string, string>
                {
                    ["type"] = $"Value must be one of {{{string.Join(", ", allowed.Select(t => (int)t))}}}.",
                },
                "BASE_TYPE_CHOICES");
        }

        var original = response.Type is InteractionCallbackType.ChannelMessageWithSource or InteractionCallbackType.DeferredChannelMessageWithSource
            ? messages.Add(MessageFor(record.Interaction, world, response.Data?.Content ?? "", response.Data?.Embeds, response.Data?.Flags,
                loading: response.Type == InteractionCallbackType.DeferredChannelMessageWithSource))
            : null;
        if (
            !record.Acknowledge(
                response.Type,
                body.RootElement.TryGetProperty("data", out var data) ? data.Clone() : null,
                time.GetUtcNow(),
                original))
        {
            return DiscordErrors.AlreadyAcknowledged();
        }

        return with_response == true
            ? Results.Ok(
                new
                {
                    interaction = new { id = interaction_id, type = (int)record.Interaction.Type },
                    resource = new { type = (int)response.Type, message = original },
                })
            : Results.NoContent();
    }

    private static async Task<IResult> FollowupAsync(
        ulong webhook_id,
        string webhook_token,
        HttpRequest request,
        InteractionStore store,
        EmulatorWorld world,
        MessageLog messages,
        TimeProvider time)
    {
        if (store.FindByWebhook(webhook_id, webhook_token) is not { } record || record.Callback is null)
        {
            return DiscordErrors.UnknownWebhook();
        }

        using var body = await JsonDocument.ParseAsync(request.Body);
        var content = body.RootElement.Deserialize(DiscordJsonContext.Default.MessageContent)!;
        var message = messages.Add(MessageFor(record.Interaction, world, content.Content ?? "", content.Embeds, content.Flags, loading: false));
        record.Record("followup", body.RootElement.Clone(), time.GetUtcNow());
        return Results.Ok(message);
    }

    private static async Task<IResult> EditAsync(
        ulong webhook_id,
        string webhook_token,
        string message_id,
        HttpRequest request,
        InteractionStore store,
        MessageLog messages,
        TimeProvider time)
    {
        if (store.FindByWebhook(webhook_id, webhook_token) is not { } record)
        {
            return DiscordErrors.UnknownWebhook();
        }

        if (FindMessage(record, message_id, messages) is not { } existing)
        {
            return DiscordErrors.UnknownMessage();
        }

        using var body = await JsonDocument.ParseAsync(request.Body);
        var content = body.RootElement.Deserialize(DiscordJsonContext.Default.MessageContent)!;
        var edited = messages.Replace(existing with
        {
            Content = content.Content ?? existing.Content,
            Embeds = content.Embeds ?? existing.Embeds,
            Components = content.Components ?? existing.Components,
            Flags = existing.Flags & ~MessageFlags.Loading,
            EditedTimestamp = time.GetUtcNow(),
        });
        record.Record(message_id == "@original" ? "edit_original" : "edit_followup", body.RootElement.Clone(), time.GetUtcNow(),
            message_id == "@original" ? edited : null);
        return Results.Ok(edited);
    }

    private static IResult DeleteAsync(
        ulong webhook_id,
        string webhook_token,
        string message_id,
        InteractionStore store,
        MessageLog messages,
        TimeProvider time)
    {
        if (store.FindByWebhook(webhook_id, webhook_token) is not { } record)
        {
            return DiscordErrors.UnknownWebhook();
        }

        if (FindMessage(record, message_id, messages) is not { } target || !messages.Remove(target.Id))
        {
            return DiscordErrors.UnknownMessage();
        }

        record.Record(message_id == "@original" ? "delete_original" : "delete_followup", null, time.GetUtcNow());
        return Results.NoContent();
    }

    /// <summary>The message a webhook route names: <c>@original</c> (the interaction's response) or a follow-up's id.</summary>
    private static Message? FindMessage(InteractionRecord record, string messageId, MessageLog messages) =>
        messageId == "@original" ? record.Original : ulong.TryParse(messageId, out var id) ? messages.Find(id) : null;

    private static Message MessageFor(
        Interaction interaction,
        EmulatorWorld world,
        string content,
        IReadOnlyList<Embed>? embeds,
        MessageFlags? flags,
        bool loading) =>
        new(Snowflakes.Next(), interaction.ChannelId ?? 0)
        {
            GuildId = interaction.GuildId,
            Author = world.BotUser,
            Content = content,
            Embeds = embeds,
            Flags = (flags ?? MessageFlags.None) | (loading ? MessageFlags.Loading : MessageFlags.None),
            Timestamp = DateTimeOffset.UtcNow,
            ApplicationId = interaction.ApplicationId,
            WebhookId = interaction.ApplicationId,
            Type = 20,
        };
}
