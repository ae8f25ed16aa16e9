using System.Globalization;
using Microsoft.Extensions.AI;
using Platform.Bot.Llm.Calls;
using Platform.Bot.Llm.Usage;
using Platform.Bot.Telemetry;
using Platform.Data.Llm;
using Platform.Modules;

namespace Platform.Bot.Llm.Budgets;

/// <summary>
/// Refuses a call when its guild has spent its month's budget or its member their day's. A check
/// costs one Redis read per limit. When Redis or Postgres cannot answer within
/// <see cref="CheckTimeout"/> the call goes ahead: a member is not refused, nor kept waiting, for the
/// platform's own trouble, and the spend is still recorded.
/// </summary>
public sealed partial class LlmBudgetGuard(
    GuildBudgets budgets,
    SpendCounters spend,
    LlmUsageQueue usage,
    LlmSettings settings,
    TimeProvider time,
    ILogger<LlmBudgetGuard> logger)
{
    // Long enough for a cold read of the budget row; short of Npgsql's retries of a server that is down.
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Throws <see cref="LlmBudgetExceededException"/> when the caller may not spend more, and records the
    /// refused call as <c>budget_blocked</c>.
    /// </summary>
    public async Task EnsureWithinAsync(Invocation? caller, ChatOptions? options, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(caller, cancellationToken) is { } refusal)
        {
            var call = LlmCall.Start(caller, settings, options, time);
            call.Ended(LlmCallStatus.BudgetBlocked, refusal.Limit);
            await usage.RecordAsync(call.Usage);
            BotTelemetry.LlmBudgetRefusals.Add(1, new KeyValuePair<string, object?>("limit", refusal.Limit));
            throw new LlmBudgetExceededException(refusal.Message);
        }
    }

    private async Task<(string Limit, string Message)?> RefusalAsync(Invocation? caller, CancellationToken cancellationToken)
    {
        if (caller?.GuildId is not { } guildId)
        {
            return null;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(CheckTimeout);
        try
        {
            if (await budgets.GetAsync(guildId, deadline.Token) is not { } budget)
            {
                return null;
            }

            var now = time.GetUtcNow();
            var month = await spend.GuildMonthAsync(guildId, now, deadline.Token);
            if (month >= budget.MonthlyLimitUsd)
            {
                return (
                    "guild_month",
                    $"This server has used its AI budget for {now.ToString("MMMM", CultureInfo.InvariantCulture)}: " +
                    $"{Usd.Format(month)} of {Usd.Format(budget.MonthlyLimitUsd)}. "
                        + "It starts again on the 1st (UTC); a server admin can raise it in the dashboard.");
            }

            if (budget.PerUserDailyLimitUsd is { } daily && caller.UserId is { } userId
                && await spend.MemberDayAsync(guildId, userId, now, deadline.Token) is var today && today >= daily)
            {
                return (
                    "member_day",
                    $"You have used your AI allowance in this server for today: {Usd.Format(today)} of " +
                    $"{Usd.Format(daily)}. It starts again at 00:00 UTC.");
            }
        }
        catch (Exception error) when (RedisFailure.Is(error) || error is Npgsql.NpgsqlException or InvalidOperationException
            || error is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogCheckFailed(error, guildId);
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the LLM budget of guild {GuildId}; the call goes ahead")]
    private partial void LogCheckFailed(Exception error, ulong guildId);
}
