using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Data.Modules.Reminders;
using Platform.Discord.Models;
using Platform.DiscordEmulator.Interactions;
using static Platform.Bot.Tests.CommandOptions;

namespace Platform.Bot.Tests;

/// <summary>The reminders module through the Discord emulator, against a Postgres migrated with its table.</summary>
[Collection(BotCollection.Name)]
public sealed class RemindersModuleTests(BotEnvironment environment)
{
    [Fact]
    public async Task A_reminder_is_set_and_delivered_in_its_channel_when_due()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();

        var set = await RemindAsync(scenario, guild, "10m", "stretch");

        Assert.StartsWith("I will remind you <t:", set.Text());
        Assert.True(set.IsEphemeral());
        await using var db = scenario.CreateDbContext();
        var reminder = await db.Set<Reminder>().SingleAsync();
        Assert.InRange(reminder.DueAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));

        // Ten minutes pass, as far as the reminder knows.
        await db.Set<Reminder>().ExecuteUpdateAsync(r => r.SetProperty(x => x.DueAt, DateTimeOffset.UtcNow));
        var delivered = await Eventually.ValueAsync(
            async () => (await MessagesAsync(scenario, reminder.ChannelId)).SingleOrDefault(), "the reminder");

        Assert.Equal($"<@{guild.OwnerId}>, you asked me to remind you: stretch", delivered.Content);
        // Deleted in the transaction that took it, once Discord has the message.
        await Eventually.TrueAsync(async () => !await db.Set<Reminder>().AnyAsync(), "the delivered reminder deleted");
    }

    [Fact]
    public async Task A_time_in_words_is_read_by_the_llm_and_its_cost_counted_to_the_module()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1);
        await scenario.Llm.ReplyAsync(tomorrow.ToString("O"));
        await scenario.Llm.ReplyAsync("NONE");

        var understood = await RemindAsync(scenario, guild, "tomorrow, same time", "call Sam");
        var notUnderstood = await RemindAsync(scenario, guild, "when pigs fly", "x");

        Assert.StartsWith("I will remind you <t:", understood.Text());
        Assert.Equal("I could not tell when \"when pigs fly\" is. Try 10m, 2h or 1d12h.", notUnderstood.Text());
        await using var db = scenario.CreateDbContext();
        Assert.Equal(tomorrow, (await db.Set<Reminder>().SingleAsync()).DueAt, TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(
            async () => await db.LlmUsage.CountAsync(u => u.Module == "reminders") == 2, "both LLM calls recorded");
    }

    [Fact]
    public async Task Only_a_moderator_clears_a_members_reminders_and_a_member_who_leaves_loses_theirs()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();
        // Seeded members: odd ones hold Manage Messages through role-1, even ones hold nothing special.
        var (moderator, member, leaver) = (guild.Members![1].User!, guild.Members[2].User!, guild.Members[4].User!);
        await RemindAsync(scenario, guild, "1h", "spam", member.Id);
        await RemindAsync(scenario, guild, "1h", "water the plants", leaver.Id);

        var refused = await scenario.InvokeAsync(guild, "remind", Clear(member), member.Id);
        var cleared = await scenario.InvokeAsync(guild, "remind", Clear(member), moderator.Id);
        await scenario.Emulator.DeleteAsync($"/control/guilds/{guild.Id}/members/{leaver.Id}");

        Assert.Equal("You need the Manage Messages permission for this.", refused.Text());
        Assert.Equal($"Deleted 1 reminder of {member.Username}.", cleared.Text());
        await using var db = scenario.CreateDbContext();
        await Eventually.TrueAsync(async () => !await db.Set<Reminder>().AnyAsync(), "the leaver's reminder deleted");
    }

    private static Task<InteractionTranscript> RemindAsync(
        BotScenario scenario, Guild guild, string when, string what, ulong? userId = null) =>
        scenario.InvokeAsync(guild, "remind", Subcommand("me", ("in", when), ("what", what)), userId);

    // A user option (type 6) carries the user's id; Discord adds the user under "resolved".
    private static object[] Clear(User member) =>
        [new
        {
            name = "clear",
            type = 1,
            options = new[] { new { name = "member", type = 6, value = $"{member.Id}" } },
        }];

    // What the bot posted on its own, not in answer to an interaction (those come through a webhook).
    private static async Task<List<Message>> MessagesAsync(BotScenario scenario, long channelId)
    {
        var posted = await scenario.Emulator.Control.GetFromJsonAsync<List<Message>>(
            $"/control/messages?channel_id={channelId}", TestEmulator.Json);
        return [.. posted!.Where(m => m.WebhookId is null)];
    }
}
