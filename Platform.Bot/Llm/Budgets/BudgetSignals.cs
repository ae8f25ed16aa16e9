using System.Globalization;
using Platform.Contracts;
using Platform.Modules;
using StackExchange.Redis;

namespace Platform.Bot.Llm.Budgets;

/// <summary>
/// Listens on Redis for the api's word that a guild's LLM budget changed, and drops the cached row. After a lost
/// connection every cached budget is dropped, since messages sent meanwhile are gone.
/// </summary>
public sealed class BudgetSignals(IConnectionMultiplexer redis, BotIdentity identity, GuildBudgets budgets)
{
    public async Task SubscribeAsync()
    {
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(BotRedisKeys.LlmBudgetsChannel(identity.ApplicationId)), (_, message) =>
        {
            if (ulong.TryParse(message.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var guildId))
            {
                budgets.Invalidate(guildId);
            }
        });
        redis.ConnectionRestored += (_, _) => budgets.InvalidateAll();
    }
}
