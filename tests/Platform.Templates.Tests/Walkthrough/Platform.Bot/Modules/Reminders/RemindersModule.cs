using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Platform.Data;
using Platform.Data.Modules.Reminders;
using Platform.Discord.Gateway;
using Platform.Discord.Models;
using Platform.Discord.Rest;
using Platform.Modules;
using Platform.Modules.Attributes;
using Platform.Modules.Preconditions;

namespace Platform.Bot.Modules.Reminders;

[Module("reminders", "Reminds members of things later, where they asked.", Settings = typeof(RemindersSettings))]
[Group("remind", "Reminders")]
public sealed partial class RemindersModule(
    PlatformDbContext db,
    IChatClient chat,
    DiscordRestClient rest,
    TimeProvider time,
    ILogger<RemindersModule> logger) : BotModule
{
    private IQueryable<Reminder> MyReminders => db.Set<Reminder>()
        .Where(r => r.GuildId == (long)Context.RequireGuildId() && r.UserId == (long)Context.User.Id);

    [SlashCommand("me", "Reminds you of something, here, later")]
    [Cooldown(5, 60)]
    public async Task MeAsync(
        [Option("in", "How long from now (10m, 2h, 1d12h), or when, in words")] string when,
        [Option("what", "What to remind you of", MaxLength = Reminder.TextMaxLength)] string what)
    {
        var settings = await GetSettingsAsync<RemindersSettings>();
        var now = time.GetUtcNow();
        var dueAt = ReminderDelay.TryParse(when, out var delay) ? now + delay : await AskTheModelWhenAsync(when, now);
        if (dueAt is not { } due || due <= now || due > now.AddDays(settings.MaxDaysAhead))
        {
            await RespondAsync(dueAt is null
                ? $"I could not tell when \"{when}\" is. Try 10m, 2h or 1d12h."
                : $"A reminder can be set for the next {settings.MaxDaysAhead} days, from now.", ephemeral: true);
            return;
        }

        if (await MyReminders.CountAsync(Context.CancellationToken) >= settings.MaxPendingPerMember)
        {
            await RespondAsync(
                $"You have {settings.MaxPendingPerMember} reminders waiting here, the most this server allows.",
                ephemeral: true);
            return;
        }

        db.Add(new Reminder
        {
            GuildId = (long)Context.RequireGuildId(),
            ChannelId = (long)Context.ChannelId!.Value,
            UserId = (long)Context.User.Id,
            Text = what.Trim(),
            DueAt = due,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(Context.CancellationToken);
        await RespondAsync($"I will remind you {Timestamp(due)}: {what.Trim()}", ephemeral: true);
    }

    [SlashCommand("list", "Your reminders waiting in this server")]
    public async Task ListAsync()
    {
        var mine = await MyReminders.AsNoTracking().OrderBy(r => r.DueAt).ToListAsync(Context.CancellationToken);
        await RespondAsync(mine.Count == 0
            ? "You have no reminders waiting here. `/remind me` sets one."
            : MessageText.Fit(string.Join('\n', mine.Select(r => $"{Timestamp(r.DueAt)}: {r.Text}"))), ephemeral: true);
    }

    [SlashCommand("clear", "Deletes a member's reminders waiting in this server")]
    [RequireUserPermission(Permissions.ManageMessages)]
    public async Task ClearAsync([Option("member", "Whose reminders to delete")] User member)
    {
        var deleted = await db.Set<Reminder>()
            .Where(r => r.GuildId == (long)Context.RequireGuildId() && r.UserId == (long)member.Id)
            .ExecuteDeleteAsync(Context.CancellationToken);
        var reminders = deleted == 1 ? "reminder" : "reminders";
        await RespondAsync($"Deleted {deleted} {reminders} of {member.Username}.", ephemeral: true);
    }

    /// <summary>A member who leaves is not pinged later in a server they are no longer in.</summary>
    [GatewayEvent(GatewayEventNames.GuildMemberRemove)]
    public Task OnMemberLeftAsync(GuildMemberRemovePayload left, CancellationToken cancellationToken) =>
        db.Set<Reminder>()
            .Where(r => r.GuildId == (long)left.GuildId && r.UserId == (long)left.User.Id)
            .ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Words such as "tomorrow at 9" go to the LLM; the call is checked against the guild's budget and its cost is
    /// counted to this module.
    /// </summary>
    private async Task<DateTimeOffset?> AskTheModelWhenAsync(string when, DateTimeOffset now)
    {
        var answer = await chat.GetResponseAsync(
            [
                new(ChatRole.System,
                    $"It is now {now:O}. Answer with the UTC time the user means, in ISO 8601, and nothing else. " +
                    "Where they name no time zone, take UTC. If it is not a time, answer NONE."),
                new(ChatRole.User, when),
            ],
            new ChatOptions { MaxOutputTokens = 30 }, Context.CancellationToken);
        var understood = DateTimeOffset.TryParse(
            answer.Text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at);
        return understood ? at : null;
    }

    // Discord shows it in each member's own time zone and language: "in 10 minutes".
    private static string Timestamp(DateTimeOffset at) => $"<t:{at.ToUnixTimeSeconds()}:R>";
}
