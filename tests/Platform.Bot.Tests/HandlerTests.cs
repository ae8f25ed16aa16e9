using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Discord;
using Platform.Discord.Interactions;
using Platform.Modules;
using Platform.Modules.Dispatch;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class HandlerTests(BotEnvironment environment)
{
    private static void WithProbe(IServiceCollection services) => services.AddSingleton<ProbeLog>().AddBotModule<ProbeModule>();

    [Fact]
    public async Task A_slow_handler_is_deferred_in_time_and_its_answer_replaces_the_deferral()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync(WithProbe);

        var transcript = await scenario.InvokeAsync(await scenario.GuildAsync(), "slow", new[] { new { name = "ms", type = 4, value = 2600 } });

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, transcript.CallbackType());
        Assert.InRange(transcript.Callback!.AfterMs, 1900, 3000);
        Assert.Equal("edit_original", Assert.Single(transcript.Responses).Kind);
        Assert.Equal("Finally.", transcript.Text());
    }

    [Fact]
    public async Task A_command_still_running_when_the_bot_stops_is_answered_before_the_bot_exits()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var bot = await scenario.StartBotAsync(WithProbe);
        var answer = scenario.InvokeAsync(await scenario.GuildAsync(), "slow", new[] { new { name = "ms", type = 4, value = 1000 } });
        await bot.Services.GetRequiredService<ProbeLog>().SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await scenario.StopBotAsync(bot);

        Assert.Equal("Finally.", (await answer).Text());
    }

    [Fact]
    public async Task Past_the_bots_slots_an_interaction_waits_for_one_and_a_handler_that_deferred_holds_none()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var bot = await scenario.StartBotAsync(WithProbe, "Bot:MaxUnansweredInteractions=1");
        var log = bot.Services.GetRequiredService<ProbeLog>();
        var guild = await scenario.GuildAsync();
        var late = scenario.InvokeAsync(guild, "late");
        await log.LateDeferred.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var slow = scenario.InvokeAsync(guild, "slow", new[] { new { name = "ms", type = 4, value = 1000 } });
        await log.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var count = await scenario.InvokeAsync(guild, "count");

        Assert.True(count.Callback!.AfterMs >= 500, $"/count was answered after {count.Callback.AfterMs} ms, beside /slow instead of after it.");
        Assert.Equal("Finally.", (await slow).Text());
        Assert.True((await slow).Callback!.AfterMs < 2500, "/slow waited for the slot of /late, which had deferred.");
        Assert.Equal("Late.", (await late).Text());
    }

    [Fact]
    public async Task An_interaction_that_waited_past_Discords_three_seconds_for_its_turn_or_was_made_before_them_is_dropped_unrun()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var bot = await scenario.StartBotAsync(WithProbe);
        var guild = await scenario.GuildAsync();
        var dispatcher = bot.Services.GetRequiredService<InteractionDispatcher>();
        var runs = bot.Services.GetRequiredService<ProbeLog>().Runs;
        // Known to no Discord: nothing it could answer would land, run or not.
        var interaction = new Interaction(Snowflake.At(DateTimeOffset.UtcNow), scenario.ApplicationId, InteractionType.ApplicationCommand, "token")
        {
            GuildId = guild.Id,
            ChannelId = guild.Channels![0].Id,
            Member = guild.Members![0],
            Data = new InteractionData { Id = 2, Name = "count", Type = ApplicationCommandType.ChatInput },
        };

        await dispatcher.DispatchAsync(interaction, 0, Stopwatch.GetTimestamp() - 4 * Stopwatch.Frequency, CancellationToken.None);
        Assert.Equal(0, runs.Count);

        await dispatcher.DispatchAsync(interaction, 0, Stopwatch.GetTimestamp() - 2 * Stopwatch.Frequency, CancellationToken.None);
        Assert.Equal(1, runs.Count);

        // Replayed to a process that took its shard over: read just now, made 5 s ago.
        var replayed = interaction with { Id = Snowflake.At(DateTimeOffset.UtcNow.AddSeconds(-5)) };
        await dispatcher.DispatchAsync(replayed, 0, Stopwatch.GetTimestamp(), CancellationToken.None);
        Assert.Equal(1, runs.Count);
    }

    [Fact]
    public async Task Time_spent_before_the_handler_counts_towards_the_deferral()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync(WithProbe);

        var transcript = await scenario.InvokeAsync(await scenario.GuildAsync(), "slow-check");

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, transcript.CallbackType());
        Assert.InRange(transcript.Callback!.AfterMs, 1900, 3000);
        Assert.Equal("Checked.", transcript.Text());
    }

    [Fact]
    public async Task A_throwing_handler_yields_an_ephemeral_error_with_a_trace_id_and_the_next_command_works()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var bot = await scenario.StartBotAsync(WithProbe);
        var guild = await scenario.GuildAsync();

        var failed = await scenario.InvokeAsync(guild, "boom");
        var next = await scenario.InvokeAsync(guild, "ping");

        Assert.Matches("^Something went wrong while handling this. The bot's operators can look it up by trace id `[0-9a-f]{32}`.$", failed.Text());
        Assert.True(failed.IsEphemeral());
        Assert.StartsWith("Pong!", next.Text());
        Assert.All(bot.Shards, shard => Assert.Equal(Discord.Gateway.ShardState.Ready, shard.Status.State));
    }

    [Fact]
    public async Task Typed_options_are_read_from_the_interaction_and_its_resolved_data()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync(WithProbe);
        var guild = await scenario.GuildAsync();
        var member = guild.Members![3];

        var transcript = await scenario.InvokeAsync(guild, "echo", new object[]
        {
            new { name = "count", type = 4, value = 3 },
            new { name = "user", type = 6, value = member.User!.Id.ToString() },
            new { name = "channel", type = 7, value = guild.Channels![1].Id.ToString() },
            new { name = "role", type = 8, value = guild.Roles![1].Id.ToString() },
            new { name = "loud", type = 5, value = true },
            new { name = "colour", type = 3, value = "blue" },
        });

        Assert.Equal($"3 {member.User.Username} {guild.Channels[1].Name} {guild.Roles[1].Name} 0.5 True blue", transcript.Text());
    }

    [Fact]
    public async Task A_missing_required_option_is_explained_not_thrown()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync(WithProbe);

        var transcript = await scenario.InvokeAsync(await scenario.GuildAsync(), "echo", new[] { new { name = "count", type = 4, value = 3 } });

        Assert.Equal("`user` is required.", transcript.Text());
        Assert.True(transcript.IsEphemeral());
    }

    [Fact]
    public async Task Components_and_modals_reach_their_handlers_with_the_parts_of_their_custom_id()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync(WithProbe);
        var guild = await scenario.GuildAsync();

        var button = await scenario.Emulator.PostAsync<Platform.DiscordEmulator.Interactions.InteractionTranscript>(
            "/control/interactions",
            new Platform.DiscordEmulator.Control.InvokeRequest(guild.Id, guild.OwnerId)
            {
                Type = InteractionType.MessageComponent,
                CustomId = "probe-button:42",
            });
        var modal = await scenario.Emulator.PostAsync<Platform.DiscordEmulator.Interactions.InteractionTranscript>(
            "/control/interactions",
            new Platform.DiscordEmulator.Control.InvokeRequest(guild.Id, guild.OwnerId)
            {
                Type = InteractionType.ModalSubmit,
                CustomId = "probe-modal:7",
                Components = System.Text.Json.JsonSerializer.SerializeToElement(
                    new[]
                    {
                        new
                        {
                            type = 1,
                            components = new[]
                            {
                                new
                                {
                                    type = 4,
                                    custom_id = "note",
                                    value = "hello",
                                },
                            },
                        },
                    }),
            });

        Assert.Equal("Button 42.", button.Text());
        Assert.Equal("Modal 7: hello", modal.Text());
    }

    [Fact]
    public async Task A_cooldown_refuses_the_second_use_with_the_wait()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync(WithProbe);
        var guild = await scenario.GuildAsync();

        var first = await scenario.InvokeAsync(guild, "once");
        var second = await scenario.InvokeAsync(guild, "once");
        var otherMember = await scenario.InvokeAsync(guild, "once", userId: guild.Members![1].User!.Id);

        Assert.Equal("Once.", first.Text());
        Assert.Matches(@"^Slow down: try again in (59|60) s\.$", second.Text());
        Assert.True(second.IsEphemeral());
        Assert.Equal("Once.", otherMember.Text());
    }

    [Fact]
    public async Task Grouped_commands_register_as_subcommands_and_subcommand_groups_and_answer()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync(WithProbe);
        var guild = await scenario.GuildAsync();

        var grouped = await scenario.InvokeAsync(guild, "probe-admin", new[] { new { name = "ping", type = 1 } });
        var deep = await scenario.InvokeAsync(
            guild,
            "probe-admin",
            new[]
            {
                new
                {
                    name = "deep",
                    type = 2,
                    options = new[] { new { name = "ping", type = 1 } },
                },
            });
        var commands = await scenario.Emulator.Control.GetFromJsonAsync<Platform.DiscordEmulator.Control.CommandsView>(
            "/control/commands",
            TestEmulator.Json);

        Assert.Equal("Grouped pong.", grouped.Text());
        Assert.Equal("Deep pong.", deep.Text());
        var admin = Assert.Single(commands!.Global, c => c.Name == "probe-admin");
        Assert.Equal(
            [(ApplicationCommandOptionType.SubCommand, "ping"), (ApplicationCommandOptionType.SubCommandGroup, "deep")],
            admin.Options!.Select(o => (o.Type, o.Name)));
        Assert.Equal(
            [
                "ask",
                "boom",
                "count",
                "echo",
                "help",
                "late",
                "once",
                "ping",
                "probe-admin",
                "slow",
                "slow-check",
                "status",
                "tag",
                "usage"],
            commands.Global.Select(c => c.Name));
    }
}
