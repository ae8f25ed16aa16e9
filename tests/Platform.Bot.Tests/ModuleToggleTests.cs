using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.DiscordEmulator.Control;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class ModuleToggleTests(BotEnvironment environment)
{
    [Fact]
    public async Task A_module_turned_off_in_one_guild_refuses_there_within_a_second_and_still_works_in_another()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var (off, on) = (await scenario.GuildAsync(0), await scenario.GuildAsync(1));
        Assert.StartsWith("This server has no tags yet", (await ListTagsAsync(scenario, off)).Text());

        var toggled = Stopwatch.StartNew();
        await scenario.SetModuleAsync(off.Id, "tags", enabled: false);
        var refused = await ListTagsAsync(scenario, off);
        while (!refused.Text().Contains("turned off") && toggled.Elapsed < TimeSpan.FromSeconds(5))
        {
            refused = await ListTagsAsync(scenario, off);
        }

        var elapsed = toggled.Elapsed;
        Assert.Equal("The `tags` module is turned off in this server. A server admin can turn it on in the dashboard.", refused.Text());
        Assert.True(refused.IsEphemeral());
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"The toggle took {elapsed.TotalMilliseconds:0} ms to take effect.");
        Assert.StartsWith("This server has no tags yet", (await ListTagsAsync(scenario, on)).Text());

        await scenario.SetModuleAsync(off.Id, "tags", enabled: true);
        await Eventually.TrueAsync(
            async () => (await ListTagsAsync(scenario, off)).Text().StartsWith("This server has no tags yet"),
            "tags back on",
            TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_module_turned_off_in_a_guild_stops_its_event_listeners_there_only()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var bot = await scenario.StartBotAsync(services => services.AddSingleton<ProbeLog>().AddBotModule<ProbeModule>());
        var log = bot.Services.GetRequiredService<ProbeLog>();
        var (off, on) = (await scenario.GuildAsync(0), await scenario.GuildAsync(1));
        await scenario.SetModuleAsync(off.Id, "probe", enabled: false);
        await Eventually.TrueAsync(async () => (await scenario.InvokeAsync(off, "once")).Text().Contains("turned off"), "probe off");

        await SendMessageAsync(scenario, off, "in the off guild");
        await SendMessageAsync(scenario, on, "in the on guild");
        await Eventually.TrueAsync(() => log.Messages.Any(m => m.Content == "in the on guild"), "the listener in the on guild");
        await SendMessageAsync(scenario, on, "a second one");
        await Eventually.TrueAsync(() => log.Messages.Any(m => m.Content == "a second one"), "the second message");

        // Sent before two messages that the listener has seen: had it run for the off guild, it would have by now.
        Assert.DoesNotContain(log.Messages, m => m.Content == "in the off guild");
    }

    [Fact]
    public async Task The_core_module_cannot_be_turned_off()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();

        await scenario.SetModuleAsync(guild.Id, "core", enabled: false);
        await Task.Delay(200);

        Assert.StartsWith("Pong!", (await scenario.InvokeAsync(guild, "ping")).Text());
    }

    private static Task<DiscordEmulator.Interactions.InteractionTranscript> ListTagsAsync(BotScenario scenario, Discord.Models.Guild guild) =>
        scenario.InvokeAsync(guild, "tag", new[] { new { name = "list", type = 1 } });

    private static Task SendMessageAsync(BotScenario scenario, Discord.Models.Guild guild, string content) =>
        scenario.Emulator.PostAsync("/control/dispatch", new DispatchRequest("MESSAGE_CREATE", JsonSerializer.SerializeToElement(new
        {
            id = Random.Shared.NextInt64(1, long.MaxValue).ToString(),
            channel_id = guild.Channels![0].Id.ToString(),
            guild_id = guild.Id.ToString(),
            author = new { id = guild.OwnerId.ToString(), username = "owner" },
            content,
            timestamp = DateTimeOffset.UtcNow,
        }), GuildId: guild.Id));
}
