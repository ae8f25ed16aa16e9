using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Data;
using Platform.Data.Llm;
using Platform.Modules;
using StackExchange.Redis;

namespace Platform.Bot.Llm.Budgets;

/// <summary>
/// What a guild spent this month and a member today, as Redis counters every bot process adds to, so
/// a budget check is one round trip. A counter Redis does not have (new period, Redis restarted) is
/// read from Postgres first, from the daily rollups for the month and the raw rows for the day. A
/// counter lives <see cref="LlmSettings.SpendReconcileInterval"/> and is then read from Postgres
/// again, so what it missed (an increment Redis did not take, calls still on their way to Postgres
/// when it was read) is counted within that interval rather than never.
/// </summary>
public sealed class SpendCounters(IConnectionMultiplexer redis, BotIdentity identity, LlmSettings settings, IServiceScopeFactory scopes)
{
    private const decimal Scale = 1_000_000_000m;

    // Only counters that exist are added to: a missing one is rebuilt from Postgres when next read.
    private static readonly LuaScript AddIfPresent = LuaScript.Prepare("""
        local totals = {}
        for i, key in ipairs(KEYS) do
            if redis.call('EXISTS', key) == 1 then
                totals[i] = redis.call('INCRBY', key, ARGV[1])
            else
                totals[i] = -1
            end
        end
        return totals
        """);

    public async Task<decimal> GuildMonthAsync(ulong guildId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ReadAsync(BotRedisKeys.LlmGuildSpend(identity.ApplicationId, guildId, at), db =>
        {
            var month = UtcMonth.FirstDay(at);
            return db
                .LlmDailyUsage.Where(d => d.GuildId == (long)guildId && d.Day >= month && d.Day < month.AddMonths(1))
                .SumAsync(d => d.CostUsd, cancellationToken);
        });

    public async Task<decimal> MemberDayAsync(ulong guildId, ulong userId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ReadAsync(BotRedisKeys.LlmMemberSpend(identity.ApplicationId, guildId, userId, at), db =>
        {
            var day = new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero);
            return db
                .LlmUsage.Where(u =>
                    u.GuildId == (long)guildId
                    && u.UserId == (long)userId
                    && u.OccurredAt >= day
                    && u.OccurredAt < day.AddDays(1))
                .SumAsync(u => u.CostUsd, cancellationToken);
        });

    /// <summary>Adds a call's cost and returns the guild's month total after it, or null if that counter is not kept yet.</summary>
    public async Task<decimal?> AddAsync(ulong guildId, ulong? userId, decimal cost, DateTimeOffset at)
    {
        RedisKey[] keys = userId is { } user
            ?
            [
                BotRedisKeys.LlmGuildSpend(identity.ApplicationId, guildId, at),
                BotRedisKeys.LlmMemberSpend(identity.ApplicationId, guildId, user, at)]
            : [BotRedisKeys.LlmGuildSpend(identity.ApplicationId, guildId, at)];
        var totals = (long[])(await redis.GetDatabase().ScriptEvaluateAsync(AddIfPresent.ExecutableScript, keys, [(long)(cost * Scale)]))!;
        return totals[0] < 0 ? null : totals[0] / Scale;
    }

    private async Task<decimal> ReadAsync(string key, Func<PlatformDbContext, Task<decimal>> sumInPostgres)
    {
        var database = redis.GetDatabase();
        if (await database.StringGetAsync(key) is { HasValue: true } kept)
        {
            return (long)kept / Scale;
        }

        await using var scope = scopes.CreateAsyncScope();
        var spent = await sumInPostgres(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
        // Another process may have rebuilt it meanwhile and added to it: its value wins.
        await database.StringSetAsync(key, (long)(spent * Scale), expiry: settings.SpendReconcileInterval, when: When.NotExists);
        return (long)(await database.StringGetAsync(key)) / Scale;
    }
}
