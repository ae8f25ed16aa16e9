using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Data.Llm;

namespace Platform.Api.Analytics;

/// <summary>
/// LLM usage reports, from the daily rollups (by day, model or module) or from the member rollups of
/// settled days and the calls since (by user). Cached in HybridCache, in memory and Redis, for a short
/// while since the bot writes new usage all the time; a budget change clears the guild's reports at once.
/// </summary>
public sealed class UsageReports(PlatformDbContext db, HybridCache cache, TimeProvider time, IOptions<AnalyticsSettings> settings)
{
    public static string Tag(long guildId) => $"llm-usage:{guildId}";

    public async ValueTask<UsageReport> GetAsync(long guildId, UsageQuery query, CancellationToken cancellationToken)
    {
        var cacheFor = settings.Value.CacheFor;
        if (cacheFor <= TimeSpan.Zero)
        {
            return await BuildAsync(guildId, query, cancellationToken);
        }

        return await cache.GetOrCreateAsync(
            $"llm-usage:{guildId}:{query.From:yyyyMMdd}:{query.To:yyyyMMdd}:{query.GroupBy}",
            (guildId, query),
            (state, token) => new ValueTask<UsageReport>(BuildAsync(state.guildId, state.query, token)),
            new HybridCacheEntryOptions { Expiration = cacheFor, LocalCacheExpiration = cacheFor / 3 }, [Tag(guildId)], cancellationToken);
    }

    public ValueTask InvalidateAsync(long guildId, CancellationToken cancellationToken) => cache.RemoveByTagAsync(Tag(guildId), cancellationToken);

    private async Task<UsageReport> BuildAsync(long guildId, UsageQuery query, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var report = await BuildCoreAsync(guildId, query, cancellationToken);
        ApiTelemetry.ReportBuildDuration.Record(
            time.GetElapsedTime(started).TotalMilliseconds,
            new KeyValuePair<string, object?>("grouping", report.GroupBy));
        return report;
    }

    private async Task<UsageReport> BuildCoreAsync(long guildId, UsageQuery query, CancellationToken cancellationToken)
    {
        var rows =
            query.GroupBy == UsageGrouping.User
                ? await ByUserAsync(guildId, query, cancellationToken)
                : await FromRollupsAsync(guildId, query, cancellationToken);
        return new UsageReport(
            query.From,
            query.To,
            UsageQuery.NameOf(query.GroupBy),
            rows,
            UsageRow.Sum("total", rows),
            await MonthToDateAsync(guildId, cancellationToken));
    }

    /// <summary>What the guild has spent this UTC month, against its budget if it has one.</summary>
    public async Task<MonthToDate> MonthToDateAsync(long guildId, CancellationToken cancellationToken)
    {
        var monthStart = UtcMonth.FirstDay(time.GetUtcNow());
        var spent = await db
            .LlmDailyUsage.Where(u => u.GuildId == guildId && u.Day >= monthStart)
            .SumAsync(u => (decimal?)u.CostUsd, cancellationToken)
            ?? 0;
        var budget = await db
            .LlmBudgets.Where(b => b.GuildId == guildId)
            .Select(b => (decimal?)b.MonthlyLimitUsd)
            .FirstOrDefaultAsync(cancellationToken);
        return new MonthToDate(
            monthStart,
            spent,
            budget,
            budget is > 0 ? Math.Round(spent / budget.Value * 100, 2) : null);
    }

    private async Task<IReadOnlyList<UsageRow>> FromRollupsAsync(long guildId, UsageQuery query, CancellationToken cancellationToken)
    {
        var days = db.LlmDailyUsage.AsNoTracking().Where(d => d.GuildId == guildId && d.Day >= query.From && d.Day <= query.To);
        return query.GroupBy switch
        {
            UsageGrouping.Model => await SumAsync(days, d => d.Model, model => (model, null), cancellationToken),
            UsageGrouping.Module => await SumAsync(days, d => d.Module, module => (module, null), cancellationToken),
            UsageGrouping.DayByModel =>
            [
                .. (
                    await SumAsync(
                        days,
                        d => new { d.Day, d.Model },
                        key => (Day(key.Day), key.Model),
                        cancellationToken)).OrderBy(r => r.Key, StringComparer.Ordinal)],
            _ =>
            [
                .. (await SumAsync(days, d => d.Day, day => (Day(day), null), cancellationToken)).OrderBy(
                    r => r.Key,
                    StringComparer.Ordinal)],
        };
    }

    private static async Task<IReadOnlyList<UsageRow>> SumAsync<TKey>(
        IQueryable<LlmDailyUsage> days,
        Expression<Func<LlmDailyUsage, TKey>> key,
        Func<TKey, (string Key, string? Split)> name,
        CancellationToken cancellationToken)
    {
        var sums = await days.GroupBy(key)
            .Select(g => new
            {
                g.Key,
                Calls = g.Sum(d => d.Calls),
                Refused = g.Sum(d => d.RefusedCalls),
                Unpriced = g.Sum(d => d.UnpricedCalls),
                Input = g.Sum(d => d.InputTokens),
                Cached = g.Sum(d => d.CachedInputTokens),
                Output = g.Sum(d => d.OutputTokens),
                Cost = g.Sum(d => d.CostUsd),
            })
            .OrderByDescending(r => r.Cost)
            .ToListAsync(cancellationToken);
        return [.. sums.Select(r =>
        {
            var (group, split) = name(r.Key);
            return new UsageRow(group, split, r.Calls, r.Refused, r.Unpriced, r.Input, r.Cached, r.Output, r.Cost);
        })];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Settled days from the member rollups, the days since the last settled one (today, and
    /// yesterday for its first hour) from the raw rows; a member's calls of both are summed together.
    /// </summary>
    private async Task<IReadOnlyList<UsageRow>> ByUserAsync(long guildId, UsageQuery query, CancellationToken cancellationToken)
    {
        var lastSettled = await db.LlmSettledDays.MaxAsync(s => (DateOnly?)s.Day, cancellationToken);
        var rawFrom = lastSettled is { } last && last >= query.From ? last.AddDays(1) : query.From;
        var settled =
            rawFrom > query.From
                ? await db
                    .LlmDailyUserUsage.AsNoTracking()
                    .Where(d => d.GuildId == guildId && d.Day >= query.From && d.Day < rawFrom && d.Day <= query.To)
                    .GroupBy(d => d.UserId)
                    .Select(g => new UsageRow(
                        g.Key.ToString(),
                        null,
                        g.Sum(d => d.Calls),
                        g.Sum(d => d.RefusedCalls),
                        g.Sum(d => d.UnpricedCalls),
                        g.Sum(d => d.InputTokens),
                        g.Sum(d => d.CachedInputTokens),
                        g.Sum(d => d.OutputTokens),
                        g.Sum(d => d.CostUsd),
                        null))
                    .ToListAsync(cancellationToken)
                : [];
        var (from, to) = (Start(rawFrom), Start(query.To.AddDays(1)));
        var recent =
            rawFrom <= query.To
                ? await db
                    .LlmUsage.AsNoTracking()
                    .Where(u => u.GuildId == guildId && u.OccurredAt >= from && u.OccurredAt < to)
                    .GroupBy(u => u.UserId ?? 0)
                    .Select(g => new UsageRow(
                        g.Key.ToString(),
                        null,
                        g.LongCount(u => u.Status != LlmCallStatus.BudgetBlocked),
                        g.LongCount(u => u.Status == LlmCallStatus.BudgetBlocked),
                        g.LongCount(u => u.PriceMissing),
                        g.Sum(u => (long)u.InputTokens),
                        g.Sum(u => (long)u.CachedInputTokens),
                        g.Sum(u => (long)u.OutputTokens),
                        g.Sum(u => u.CostUsd),
                        null))
                    .ToListAsync(cancellationToken)
                : [];
        // A member's settled days and calls since are summed together; calls made outside any member (user 0) are "unknown".
        return [.. settled.Concat(recent)
            .GroupBy(m => m.Key)
            .Select(g => UsageRow.Sum(g.Key == "0" ? "unknown" : g.Key, g))
            .OrderByDescending(r => r.CostUsd)];
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

public sealed record UsageReport(DateOnly From, DateOnly To, string GroupBy, IReadOnlyList<UsageRow> Rows, UsageRow Totals, MonthToDate MonthToDate);

/// <summary>
/// One group's usage; <see cref="Split"/> is the model within the day when grouped by day and model,
/// and <see cref="Name"/> the member's name in the guild when grouped by user.
/// </summary>
/// <param name="Calls">Calls that reached the provider.</param>
/// <param name="RefusedCalls">Calls the budget refused before they reached it; they cost nothing.</param>
/// <param name="UnpricedCalls">Of the calls, those to a model with no price, charged at the highest rates of any model.</param>
public sealed record UsageRow(
    string Key,
    string? Split,
    long Calls,
    long RefusedCalls,
    long UnpricedCalls,
    long InputTokens,
    long CachedInputTokens,
    long OutputTokens,
    decimal CostUsd,
    string? Name = null)
{
    /// <summary>The rows added up under one key: a report's total, or a member's settled days and calls since.</summary>
    public static UsageRow Sum(string key, IEnumerable<UsageRow> rows)
    {
        var all = rows.ToList();
        return new(key, null, all.Sum(r => r.Calls), all.Sum(r => r.RefusedCalls), all.Sum(r => r.UnpricedCalls),
            all.Sum(r => r.InputTokens), all.Sum(r => r.CachedInputTokens), all.Sum(r => r.OutputTokens), all.Sum(r => r.CostUsd));
    }
}

public sealed record MonthToDate(DateOnly Since, decimal SpentUsd, decimal? BudgetUsd, decimal? PercentOfBudget);
