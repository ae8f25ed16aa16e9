using System.Net;
using Microsoft.EntityFrameworkCore;
using Platform.Data.Modules.Reminders;
using Platform.Discord.Models;
using Platform.Discord.Rest;
using Platform.Modules.Attributes;

namespace Platform.Bot.Modules.Reminders;

public sealed partial class RemindersModule
{
    private const int DeliveriesPerRun = 50;

    /// <summary>
    /// Every bot process runs this loop. Each locks the due reminders it takes, skipping those another has locked,
    /// and deletes a reminder only once Discord has its message, in the same transaction: a reminder is sent once,
    /// or again after a crash or a database failure between the two, but never lost.
    /// </summary>
    [Loop(5)]
    public Task DeliverDueAsync(CancellationToken cancellationToken) =>
        // The platform's database connections retry a blink of Postgres; a transaction retries as one unit.
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.Set<Reminder>()
                .FromSql($"""
                    SELECT * FROM reminders.reminders WHERE due_at <= {time.GetUtcNow()}
                    ORDER BY due_at LIMIT {DeliveriesPerRun} FOR UPDATE SKIP LOCKED
                    """)
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            var done = new List<long>();
            foreach (var reminder in due)
            {
                if (!await TryDeliverAsync(reminder, cancellationToken))
                {
                    break;
                }

                done.Add(reminder.Id);
            }

            await db.Set<Reminder>().Where(r => done.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

    /// <returns>Whether the reminder is done with: sent, or refused by Discord for good.</returns>
    private async Task<bool> TryDeliverAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        try
        {
            await rest.CreateMessageAsync((ulong)reminder.ChannelId, new MessageContent
            {
                Content = $"<@{reminder.UserId}>, you asked me to remind you: {reminder.Text}",
                // The text is the member's own: it pings them, and never @everyone or a role it happens to name.
                AllowedMentions = new AllowedMentions { Users = [(ulong)reminder.UserId] },
            }, cancellationToken);
            return true;
        }
        catch (DiscordApiException error) when (IsFinal(error.Status))
        {
            LogUndeliverable(error, reminder.Id);
            return true;
        }
        catch (Exception error) when (error is DiscordApiException or HttpRequestException)
        {
            LogDeliveryDelayed(error, reminder.Id);
            return false;
        }
    }

    // Discord refuses it for good: the channel is gone, or the bot may no longer write there.
    private static bool IsFinal(HttpStatusCode status) =>
        status < HttpStatusCode.InternalServerError && status != HttpStatusCode.TooManyRequests;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderId} cannot be delivered and is dropped")]
    private partial void LogUndeliverable(Exception error, long reminderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderId} waits for the next run")]
    private partial void LogDeliveryDelayed(Exception error, long reminderId);
}
