using Microsoft.Extensions.AI;
using Platform.Bot.Llm.Calls;
using Platform.Bot.Llm.Usage;
using Platform.Bot.Gateway;
using Platform.Bot.ModuleSystem;
using Platform.Bot.Telemetry;
using Platform.Data.Llm;
using Platform.Data.Realtime;
using Platform.Discord.Models;
using Platform.Discord.Rest;
using StackExchange.Redis;

namespace Platform.Bot.Llm.Budgets;

/// <summary>
/// Refuses a call when its guild has spent its month's budget or its member their day's, and posts
/// the guild's soft-limit warning once a month, whichever bot process sees the threshold crossed.
/// A spend check costs one Redis read per limit. When Redis or Postgres cannot answer the call goes
/// ahead: a member is not refused for the platform's own trouble, and the spend is still recorded.
/// </summary>
public sealed partial class LlmBudgetGuard(
    GuildBudgets budgets,
    SpendCounters spend,
    LlmUsageQueue usage,
    LlmSettings settings,
    IConnectionMultiplexer redis,
    BotIdentity identity,
    DiscordRestClient rest,
    TimeProvider time,
    ILogger<LlmBudgetGuard> logger)
{
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

        try
        {
            if (await budgets.GetAsync(guildId, cancellationToken) is not { } budget)
            {
                return null;
            }

            var now = time.GetUtcNow();
            var month = await spend.GuildMonthAsync(guildId, now, cancellationToken);
            if (month >= budget.MonthlyLimitUsd)
            {
                return ("guild_month",
                    $"This server has used its AI budget for {now:MMMM}: {Usd.Format(month)} of {Usd.Format(budget.MonthlyLimitUsd)}. " +
                    "It starts again on the 1st (UTC); a server admin can raise it in the dashboard.");
            }

            if (budget.PerUserDailyLimitUsd is { } daily && caller.UserId is { } userId
                && await spend.MemberDayAsync(guildId, userId, now, cancellationToken) is var today && today >= daily)
            {
                return ("member_day",
                    $"You have used your AI allowance in this server for today: {Usd.Format(today)} of {Usd.Format(daily)}. It starts again at 00:00 UTC.");
            }
        }
        catch (Exception error) when (error is RedisException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            LogCheckFailed(error, guildId);
        }

        return null;
    }

    /// <summary>Counts a call's cost against its guild and member, and warns the guild once past its soft limit.</summary>
    public async Task AddSpendAsync(LlmUsage usage)
    {
        if (usage is not { GuildId: { } guild, CostUsd: > 0 })
        {
            return;
        }

        var guildId = (ulong)guild;
        try
        {
            if (await spend.AddAsync(guildId, (ulong?)usage.UserId, usage.CostUsd, usage.OccurredAt) is { } month
                && await budgets.GetAsync(guildId, CancellationToken.None) is { AlertChannelId: { } channel } budget
                && month >= budget.MonthlyLimitUsd * budget.SoftThresholdPercent / 100m)
            {
                await AlertOnceAsync(guildId, (ulong)channel, budget, month, usage.OccurredAt);
            }
        }
        catch (Exception error) when (error is RedisException or Npgsql.NpgsqlException or InvalidOperationException or DiscordApiException or HttpRequestException)
        {
            LogSpendFailed(error, guildId);
        }
    }

    private async Task AlertOnceAsync(ulong guildId, ulong channelId, LlmBudget budget, decimal month, DateTimeOffset at)
    {
        var key = BotRedisKeys.LlmSoftLimitAlerted(identity.ApplicationId, guildId, at);
        if (!await redis.GetDatabase().StringSetAsync(key, 1, expiry: TimeSpan.FromDays(35), when: When.NotExists))
        {
            return;
        }

        try
        {
            await rest.CreateMessageAsync(channelId, new MessageContent
            {
                Content = $"This server has used {budget.SoftThresholdPercent}% of its AI budget for {at:MMMM}: {Usd.Format(month)} of {Usd.Format(budget.MonthlyLimitUsd)}. " +
                    "At the limit, AI commands stop until the 1st (UTC) or until the budget is raised in the dashboard.",
            }, CancellationToken.None);
        }
        catch
        {
            // Not told: the next call past the threshold tries again.
            await redis.GetDatabase().KeyDeleteAsync(key);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the LLM budget of guild {GuildId}; the call goes ahead")]
    private partial void LogCheckFailed(Exception error, ulong guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count an LLM call against the budget of guild {GuildId}")]
    private partial void LogSpendFailed(Exception error, ulong guildId);
}
