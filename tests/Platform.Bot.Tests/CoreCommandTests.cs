using Platform.Discord.Interactions;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class CoreCommandTests(BotEnvironment environment)
{
    [Fact]
    public async Task Ping_reports_gateway_and_database_latency()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();

        var transcript = await scenario.InvokeAsync(await scenario.GuildAsync(), "ping");

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, transcript.CallbackType());
        Assert.Matches(@"^Pong! Gateway (\d+ ms|not measured yet), database \d+\.\d ms\.$", transcript.Text());
    }

    [Fact]
    public async Task Status_names_the_guilds_shard_and_its_enabled_modules()
    {
        await using var scenario = await BotScenario.StartAsync(environment, "Shards=2");
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync(1);

        var transcript = await scenario.InvokeAsync(guild, "status");

        var shard = (int)((guild.Id >> 22) % 2);
        Assert.StartsWith($"Shard {shard} of 2 (ready), up ", transcript.Text());
        Assert.EndsWith("Modules on here: ask, core, tags.", transcript.Text());
        Assert.True(transcript.IsEphemeral());
    }

    [Fact]
    public async Task Help_lists_only_the_commands_of_modules_on_in_the_guild()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();

        var before = (await scenario.InvokeAsync(guild, "help")).Text();
        await scenario.SetModuleAsync(guild.Id, "tags", enabled: false);
        var after = await ResultAfterToggleAsync(scenario, guild);

        Assert.Contains("`/tag get` Shows a tag", before);
        Assert.Contains("`/ping` Shows the bot's gateway and database latency", before);
        Assert.DoesNotContain("/tag", after);
        Assert.Contains("`/help`", after);
    }

    [Fact]
    public async Task An_unknown_command_gets_an_ephemeral_explanation()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();

        var transcript = await scenario.InvokeAsync(await scenario.GuildAsync(), "no-such-command");

        Assert.StartsWith("This bot does not know that command", transcript.Text());
        Assert.True(transcript.IsEphemeral());
    }

    private static async Task<string> ResultAfterToggleAsync(BotScenario scenario, Discord.Models.Guild guild)
    {
        var text = "";
        await Eventually.TrueAsync(
            async () => !(text = (await scenario.InvokeAsync(guild, "help")).Text()).Contains("/tag"),
            "help without tags",
            TimeSpan.FromSeconds(5));
        return text;
    }
}
