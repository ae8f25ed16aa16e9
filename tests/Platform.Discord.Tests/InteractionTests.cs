using System.Net;
using System.Text.Json;
using Platform.Discord.Gateway;
using Platform.Discord.Interactions;
using Platform.Discord.Json;
using Platform.Discord.Models;
using Platform.Discord.Rest;
using Platform.DiscordEmulator.Control;
using Platform.DiscordEmulator.Interactions;

namespace Platform.Discord.Tests;

/// <summary>Interactions end to end: the emulator has a member invoke a command, the test plays the bot.</summary>
public sealed class InteractionTests
{
    [Fact]
    public async Task A_slash_command_answered_at_once_shows_in_the_transcript_and_the_channel()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rest = emulator.RestClient();
        await using var bot = await BotAsync(emulator, (interaction, ct) =>
            rest.CreateInteractionResponseAsync(
                interaction.Id,
                interaction.Token,
                InteractionResponse.Message($"pong from {interaction.Data?.Name}"),
                ct));
        var guild = (await emulator.GuildsAsync())[0];

        var transcript = await InvokeAsync(emulator, guild, "ping");

        Assert.Null(transcript.Error);
        Assert.Equal((int)InteractionCallbackType.ChannelMessageWithSource, transcript.Callback?.Type);
        Assert.Equal("pong from ping", transcript.Original?.Content);
        Assert.InRange(transcript.Callback!.AfterMs, 0, 3000);
    }

    [Fact]
    public async Task A_deferred_command_finishes_by_editing_the_original_and_can_follow_up()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rest = emulator.RestClient();
        await using var bot = await BotAsync(emulator, async (interaction, ct) =>
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Defer(ephemeral: true), ct);
            await Task.Delay(100, ct);
            await rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, new MessageContent { Content = "done" }, ct);
            await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, new MessageContent { Content = "and more" }, ct);
        });
        var guild = (await emulator.GuildsAsync())[0];

        var transcript = await InvokeAsync(emulator, guild, "slow");

        Assert.Equal((int)InteractionCallbackType.DeferredChannelMessageWithSource, transcript.Callback?.Type);
        Assert.Equal(["edit_original", "followup"], transcript.Responses.Select(r => r.Kind));
        Assert.Equal("done", transcript.Original?.Content);
        Assert.Equal(MessageFlags.Ephemeral, transcript.Original?.Flags);
    }

    [Fact]
    public async Task The_interaction_carries_the_member_with_permissions_and_the_fields_discord_sends()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var seen = new TaskCompletionSource<Interaction>();
        var rest = emulator.RestClient();
        await using var bot = await BotAsync(emulator, (interaction, ct) =>
        {
            seen.TrySetResult(interaction);
            return rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Message("ok"), ct);
        });
        var guild = (await emulator.GuildsAsync())[0];

        await InvokeAsync(emulator, guild, "tag", userId: guild.OwnerId, options: """[{"name":"name","type":3,"value":"rules"}]""");
        var interaction = await seen.Task.WaitAsync(GatewayTestClient.Timeout);

        Assert.Equal(guild.Id, interaction.GuildId);
        Assert.Equal(guild.OwnerId, interaction.Invoker?.Id);
        Assert.NotEqual(0UL, ulong.Parse(interaction.Member!.Permissions!) & 0x8);
        Assert.Equal("rules", interaction.Data!.Options![0].Value!.Value.GetString());
        Assert.Equal((1, guild.Id), (interaction.Version, interaction.AuthorizingIntegrationOwners!["0"]));
    }

    // NOTES §C.10: the interaction deadline (10062); the deferred test below is the remedy.
    [Fact]
    public async Task Answering_after_three_seconds_gets_unknown_interaction()
    {
        await using var emulator = await TestEmulator.StartAsync("InteractionResponseDeadlineSeconds=0.2");
        var rest = emulator.RestClient();
        var transcript = await InvokeAsync(emulator, (await emulator.GuildsAsync())[0], "late", waitMs: 10);
        await Task.Delay(300);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            rest.CreateInteractionResponseAsync(
                transcript.InteractionId,
                transcript.Token,
                InteractionResponse.Message("too late"),
                CancellationToken.None));

        Assert.Equal((HttpStatusCode.NotFound, DiscordApiException.UnknownInteraction), (error.Status, error.Code));
    }

    [Fact]
    public async Task A_second_acknowledgement_is_refused_and_a_204_carries_no_content_type()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rest = emulator.RestClient();
        var transcript = await InvokeAsync(emulator, (await emulator.GuildsAsync())[0], "twice", waitMs: 10);
        using var raw = new HttpClient { BaseAddress = emulator.RestBase };

        using var first = await raw.PostAsync($"interactions/{transcript.InteractionId}/{transcript.Token}/callback",
            new StringContent("""{"type":4,"data":{"content":"first"}}""", System.Text.Encoding.UTF8, "application/json"));
        var second = await Assert.ThrowsAsync<DiscordApiException>(() =>
            rest.CreateInteractionResponseAsync(
                transcript.InteractionId,
                transcript.Token,
                InteractionResponse.Message("second"),
                CancellationToken.None));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Null(first.Content.Headers.ContentType);
        Assert.Equal(DiscordApiException.InteractionAlreadyAcknowledged, second.Code);
    }

    [Theory]
    [InlineData(InteractionType.ApplicationCommandAutocomplete, InteractionCallbackType.ChannelMessageWithSource, "{8}")]
    [InlineData(InteractionType.ApplicationCommandAutocomplete, InteractionCallbackType.DeferredChannelMessageWithSource, "{8}")]
    [InlineData(InteractionType.ApplicationCommand, InteractionCallbackType.ApplicationCommandAutocompleteResult, "{4, 5, 9, 12}")]
    [InlineData(InteractionType.ApplicationCommand, InteractionCallbackType.UpdateMessage, "{4, 5, 9, 12}")]
    [InlineData(InteractionType.ApplicationCommand, InteractionCallbackType.Pong, "{4, 5, 9, 12}")]
    [InlineData(InteractionType.ModalSubmit, InteractionCallbackType.Modal, "{4, 5}")]
    [InlineData(InteractionType.ModalSubmit, InteractionCallbackType.UpdateMessage, "{4, 5}")]
    [InlineData(InteractionType.MessageComponent, InteractionCallbackType.ApplicationCommandAutocompleteResult, "{4, 5, 6, 7, 9, 12}")]
    public async Task A_callback_Discord_does_not_take_for_the_kind_of_interaction_is_refused_as_Discord_refuses_it(
        InteractionType kind, InteractionCallbackType wrong, string allowed)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rest = emulator.RestClient();
        var guild = (await emulator.GuildsAsync())[0];
        var transcript = await emulator.PostAsync<InteractionTranscript>(
            "/control/interactions",
            new InvokeRequest(guild.Id, guild.OwnerId, "cmd")
            {
                Type = kind,
                CustomId = "c",
                WaitMs = 10,
            });

        var refused = await Assert.ThrowsAsync<DiscordApiException>(() => rest.CreateInteractionResponseAsync(
            transcript.InteractionId, transcript.Token, new InteractionResponse(wrong) { Data = new() { Content = "x" } }, CancellationToken.None));
        var right = kind == InteractionType.ApplicationCommandAutocomplete ? InteractionResponse.Autocomplete([]) : InteractionResponse.Message("ok");
        await rest.CreateInteractionResponseAsync(transcript.InteractionId, transcript.Token, right, CancellationToken.None);

        Assert.Equal((HttpStatusCode.BadRequest, DiscordApiException.InvalidFormBody), (refused.Status, refused.Code));
        var error = refused.Errors!.Value.GetProperty("type").GetProperty("_errors")[0];
        Assert.Equal(
            ("BASE_TYPE_CHOICES", $"Value must be one of {allowed}."),
            (error.GetProperty("code").GetString(), error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Bulk_overwrite_keeps_the_ids_of_commands_that_stay_and_refuses_invalid_ones_field_by_field()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rest = emulator.RestClient();
        const ulong app = 1_100_000_000_000_000_001;
        ApplicationCommand[] commands = [new("ping", "Checks the bot"), new("help", "Lists commands")];

        var first = await rest.BulkOverwriteGlobalCommandsAsync(app, commands, CancellationToken.None);
        var second = await rest.BulkOverwriteGlobalCommandsAsync(app, [commands[0]], CancellationToken.None);
        var invalid = await Assert.ThrowsAsync<DiscordApiException>(() =>
            rest.BulkOverwriteGlobalCommandsAsync(app, [new("Bad Name", "")], CancellationToken.None));

        Assert.Equal(first[0].Id, second.Single().Id);
        Assert.Equal(["ping"], (await rest.GetGlobalCommandsAsync(app, CancellationToken.None)).Select(c => c.Name));
        Assert.Equal(DiscordApiException.InvalidFormBody, invalid.Code);
        Assert.True(invalid.Errors!.Value.TryGetProperty("0.name", out _));
        Assert.True(invalid.Errors!.Value.TryGetProperty("0.description", out _));
    }

    private static async Task<InteractionTranscript> InvokeAsync(
        TestEmulator emulator, Guild guild, string name, ulong? userId = null, string? options = null, int waitMs = 5000) =>
        await emulator.PostAsync<InteractionTranscript>("/control/interactions", new InvokeRequest(guild.Id, userId ?? guild.OwnerId, name)
        {
            Options = options is null ? null : JsonDocument.Parse(options).RootElement,
            WaitMs = waitMs,
        });

    /// <summary>A gateway connection that hands every INTERACTION_CREATE to <paramref name="handle"/>, as a bot would.</summary>
    private static async Task<BotLoop> BotAsync(TestEmulator emulator, Func<Interaction, CancellationToken, Task> handle)
    {
        var client = await GatewayTestClient.StartAsync(emulator, read: false);
        var stopping = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            await foreach (var dispatch in client.Client.Dispatches.ReadAllAsync(stopping.Token))
            {
                if (dispatch.Name == GatewayEventNames.InteractionCreate)
                {
                    await handle(dispatch.Deserialize(DiscordJsonContext.Default.Interaction), stopping.Token);
                }
            }
        });
        await Eventually.TrueAsync(() => Task.FromResult(client.Shard.Status.State == ShardState.Ready), "the bot to be ready");
        return new BotLoop(client, stopping, loop);
    }

    private sealed class BotLoop(GatewayTestClient client, CancellationTokenSource stopping, Task loop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stopping.CancelAsync();
            await client.DisposeAsync();
            await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
