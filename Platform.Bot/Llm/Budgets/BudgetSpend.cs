using System.Globalization;
using Platform.Bot.Telemetry;
using Platform.Contracts;
using Platform.Data.Llm;
using Platform.Discord.Models;
using Platform.Discord.Rest;
using Platform.Modules;
using StackExchange.Redis;

namespace Platform.Bot.Llm.Budgets;

/// <summary>
/// Counts each call's cost against its guild's month and its member's day as the call ends, and
/// posts the guild's soft-limit warning once a month, whichever bot process sees the threshold
/// crossed first.
/// </summary>
public sealed partial class BudgetSpend(
    GuildBudgets budgets,
    SpendCounters spend,
    IConnectionMultiplexer redis,
    BotIdentity identity,
    DiscordRestClient rest,
    ILogger<BudgetSpend> logger)
{
    /// <summary>Counts a call's cost against its guild and member, and warns the guild once past its soft limit.</summary>
    public async Task AddAsync(LlmUsage usage)
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
        catch (Exception error)
            when (RedisFailure.Is(error)
                || error
                    is Npgsql.NpgsqlException
                        or InvalidOperationException
                        or DiscordApiException
                        or HttpRequestException)
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
            // Checked again at the moment of posting: the channel may have been deleted, or the row written around the api.
            if (await rest.FindChannelAsync(channelId, CancellationToken.None) is not { } channel || !channel.IsTextChannelOf(guildId))
            {
                LogAlertChannelRefused(guildId, channelId);
                BotTelemetry.LlmBudgetAlertsRefused.Add(1);
                await redis.GetDatabase().KeyDeleteAsync(key);
                return;
            }

            await rest.CreateMessageAsync(
                channelId,
                new MessageContent
                {
                    Content =
                        $"This server has used {budget.SoftThresholdPercent}% of its AI budget for " +
                        $"{at.ToString("MMMM", CultureInfo.InvariantCulture)}: {Usd.Format(month)} of {Usd.Format(budget.MonthlyLimitUsd)}. "
                        + "At the limit, AI commands stop until the 1st (UTC) or until the budget is raised in the dashboard.",
                },
                CancellationToken.None);
        }
        catch
        {
            // Not told: the next call past the threshold tries again.
            await redis.GetDatabase().KeyDeleteAsync(key);
            throw;
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The budget alert of guild {GuildId} was not posted: channel {ChannelId} is not one of its text channels")]
    private partial void LogAlertChannelRefused(ulong guildId, ulong channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count an LLM call against the budget of guild {GuildId}")]
    private partial void LogSpendFailed(Exception error, ulong guildId);
}
