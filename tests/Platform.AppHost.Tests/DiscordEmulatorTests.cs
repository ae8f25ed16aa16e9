using System.Text.Json;
using Aspire.Hosting.Testing;
using Npgsql;
using Platform.Testing;

namespace Platform.AppHost.Tests;

[Collection(PlatformAppCollection.Name)]
public sealed class DiscordEmulatorTests(PlatformAppFixture platform)
{
    [Fact]
    public async Task With_no_bot_token_the_bot_holds_a_gateway_session_on_the_emulator()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("bot", timeout.Token);
        using var discord = platform.App.CreateHttpClient("discord");

        using var sessions = JsonDocument.Parse(await discord.GetStringAsync("/control/sessions", timeout.Token));

        var session = Assert.Single(sessions.RootElement.EnumerateArray());
        Assert.True(session.GetProperty("connected").GetBoolean());
        Assert.Equal(0, session.GetProperty("shard_id").GetInt32());
    }

    [Fact]
    public async Task A_members_command_goes_through_the_emulator_to_the_bot_and_its_database_and_back()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        using var discord = platform.App.CreateHttpClient("discord");
        var guild = await platform.FirstGuildAsync(discord, timeout.Token);
        var name = $"t{Guid.NewGuid():N}"[..12];

        var created = await EmulatorInteractions.InvokeAsync(
            discord,
            guild,
            "tag",
            $$"""
            [{"name":"set","type":1,"options":[
                {"name":"name","type":3,"value":"{{name}}"},{"name":"content","type":3,"value":"Hello from the AppHost."}]}]
            """,
            timeout.Token);
        var shown = await EmulatorInteractions.InvokeAsync(
            discord,
            guild,
            "tag",
            $$"""[{"name":"get","type":1,"options":[{"name":"name","type":3,"value":"{{name}}"}]}]""",
            timeout.Token);
        using var chat = await discord.GetAsync("/chat", timeout.Token);

        var discordResource = await platform.App.ResourceNotifications.WaitForResourceAsync(
            "discord", e => e.Snapshot.Urls.Any(u => u.DisplayProperties.DisplayName == "Chat with the bot"), timeout.Token);
        var chatLink = discordResource.Snapshot.Urls.Single(u => u.DisplayProperties.DisplayName == "Chat with the bot");

        Assert.EndsWith("/chat", chatLink.Url);
        Assert.Equal($"Tag `{name}` created.", created);
        Assert.Equal("Hello from the AppHost.", shown);
        Assert.Equal("text/html", chat.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_ask_is_answered_by_the_llm_resource_and_its_cost_recorded_in_the_database()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        using var discord = platform.App.CreateHttpClient("discord");
        var guild = await platform.FirstGuildAsync(discord, timeout.Token);
        var asked = DateTimeOffset.UtcNow;

        var answer = await EmulatorInteractions.InvokeAsync(
            discord,
            guild,
            "ask",
            """[{"name":"prompt","type":3,"value":"Which resource answers?"}]""",
            timeout.Token);

        Assert.Equal("Emulated answer to: Which resource answers?", answer);
        await using var database = new NpgsqlConnection(
            await platform.App.GetConnectionStringAsync("platformdb", timeout.Token));
        await database.OpenAsync(timeout.Token);
        await Eventually.TrueAsync(
            async () =>
            {
                await using var recorded = new NpgsqlCommand(
                    "SELECT count(*) FROM llm_usage WHERE module = 'ask' AND status = 'ok' AND cost_usd > 0 AND occurred_at >= $1 AND guild_id = $2",
                    database)
                {
                    Parameters =
                    {
                        new() { Value = asked.AddSeconds(-1) },
                        new() { Value = long.Parse(guild.GetProperty("id").GetString()!) },
                    },
                };
                return (long)(await recorded.ExecuteScalarAsync(timeout.Token))! == 1;
            },
            "the call's usage record");
    }
}
