using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts;
using Platform.DiscordEmulator.Control;
using StackExchange.Redis;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class CommandSyncTests(BotEnvironment environment)
{
    [Fact]
    public async Task A_restart_with_an_unchanged_command_set_makes_no_registration_call_and_a_changed_one_makes_one()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var first = await scenario.StartBotAsync();
        var afterFirstStart = await GlobalOverwritesAsync(scenario);

        await scenario.StopBotAsync(first);
        var second = await scenario.StartBotAsync();
        var afterUnchangedRestart = await GlobalOverwritesAsync(scenario);

        await scenario.StopBotAsync(second);
        await scenario.StartBotAsync(services => services.AddSingleton<ProbeLog>().AddBotModule<ProbeModule>());
        var afterChange = await GlobalOverwritesAsync(scenario);

        Assert.Equal(1, afterFirstStart);
        Assert.Equal(1, afterUnchangedRestart);
        Assert.Equal(2, afterChange);
    }

    [Fact]
    public async Task Development_guilds_get_the_commands_instead_of_the_global_scope()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var guild = await scenario.GuildAsync(1);

        await scenario.StartBotAsync(settings: [$"Bot:CommandGuildIds:0={guild.Id}"]);
        var commands = await CommandsAsync(scenario);

        Assert.Empty(commands.Global);
        Assert.Equal(["ask", "help", "ping", "status", "tag", "usage"], commands.Guilds[guild.Id].Select(c => c.Name));
        Assert.StartsWith("Pong!", (await scenario.InvokeAsync(guild, "ping")).Text());
    }

    [Fact]
    public async Task A_resync_message_registers_again_even_when_unchanged()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();

        await environment.Redis.GetSubscriber().PublishAsync(RedisChannel.Literal(BotRedisKeys.CommandResyncChannel(scenario.ApplicationId)), "now");

        await Eventually.TrueAsync(async () => await GlobalOverwritesAsync(scenario) == 2, "a second overwrite", TimeSpan.FromSeconds(5));
    }

    private static async Task<int> GlobalOverwritesAsync(BotScenario scenario) =>
        (await CommandsAsync(scenario)).Overwrites.GetValueOrDefault(0UL);

    private static async Task<CommandsView> CommandsAsync(BotScenario scenario) =>
        (await scenario.Emulator.Control.GetFromJsonAsync<CommandsView>("/control/commands", TestEmulator.Json))!;
}
