using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Data.Llm;

namespace Platform.Api.Analytics;

/// <summary>
/// LLM usage reports, from the daily rollups (by day, model or module) or from the calls themselves
/// (by user, which the rollups do not keep). Cached in HybridCache, in memory and Redis, for a short
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
        ApiTelemetry.ReportBuildDuration.Record(time.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("grouping", report.GroupBy));
        return report;
    }

    private async Task<UsageReport> BuildCoreAsync(long guildId, UsageQuery query, CancellationToken cancellationToken)
    {
        var rows = query.GroupBy == UsageGrouping.User ? await ByUserAsync(guildId, query, cancellationToken) : await FromRollupsAsync(guildId, query, cancellationToken);
        var totals = new UsageRow("total", null, rows.Sum(r => r.Calls), rows.Sum(r => r.InputTokens), rows.Sum(r => r.CachedInputTokens), rows.Sum(r => r.OutputTokens), rows.Sum(r => r.CostUsd));
        return new UsageReport(query.From, query.To, UsageQuery.NameOf(query.GroupBy), rows, totals, await MonthToDateAsync(guildId, cancellationToken));
    }

    /// <summary>What the guild has spent this UTC month, against its budget if it has one.</summary>
    public async Task<MonthToDate> MonthToDateAsync(long guildId, CancellationToken cancellationToken)
    {
        var monthStart = UtcMonth.FirstDay(time.GetUtcNow());
        var spent = await db.LlmDailyUsage.Where(u => u.GuildId == guildId && u.Day >= monthStart).SumAsync(u => (decimal?)u.CostUsd, cancellationToken) ?? 0;
        var budget = await db.LlmBudgets.Where(b => b.GuildId == guildId).Select(b => (decimal?)b.MonthlyLimitUsd).FirstOrDefaultAsync(cancellationToken);
        return new MonthToDate(monthStart, spent, budget, budget is > 0 ? Math.Round(spent / budget.Value * 100, 2) : null);
    }

    private async Task<IReadOnlyList<UsageRow>> FromRollupsAsync(long guildId, UsageQuery query, CancellationToken cancellationToken)
    {
        var days = db.LlmDailyUsage.AsNoTracking().Where(d => d.GuildId == guildId && d.Day >= query.From && d.Day <= query.To);
        return query.GroupBy switch
        {
            UsageGrouping.Model => await SumAsync(days, d => d.Model, model => (model, null), cancellationToken),
            UsageGrouping.Module => await SumAsync(days, d => d.Module, module => (module, null), cancellationToken),
            UsageGrouping.DayByModel => [.. (await SumAsync(days, d => new { d.Day, d.Model }, key => (Day(key.Day), key.Model), cancellationToken)).OrderBy(r => r.Key, StringComparer.Ordinal)],
            _ => [.. (await SumAsync(days, d => d.Day, day => (Day(day), null), cancellationToken)).OrderBy(r => r.Key, StringComparer.Ordinal)],
        };
    }

    private static async Task<IReadOnlyList<UsageRow>> SumAsync<TKey>(
        IQueryable<LlmDailyUsage> days, Expression<Func<LlmDailyUsage, TKey>> key, Func<TKey, (string Key, string? Split)> name, CancellationToken cancellationToken)
    {
        var sums = await days.GroupBy(key)
            .Select(g => new { g.Key, Calls = g.Sum(d => d.Calls), Input = g.Sum(d => d.InputTokens), Cached = g.Sum(d => d.CachedInputTokens), Output = g.Sum(d => d.OutputTokens), Cost = g.Sum(d => d.CostUsd) })
            .OrderByDescending(r => r.Cost)
            .ToListAsync(cancellationToken);
        return [.. sums.Select(r =>
        {
            var (group, split) = name(r.Key);
            return new UsageRow(group, split, r.Calls, r.Input, r.Cached, r.Output, r.Cost);
        })];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<UsageRow>> ByUserAsync(long guildId, UsageQuery query, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(query.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(query.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rows = await db.LlmUsage.AsNoTracking()
            .Where(u => u.GuildId == guildId && u.OccurredAt >= from && u.OccurredAt < to)
            .GroupBy(u => u.UserId)
            .Select(g => new { g.Key, Calls = g.LongCount(), Input = g.Sum(u => (long)u.InputTokens), Cached = g.Sum(u => (long)u.CachedInputTokens), Output = g.Sum(u => (long)u.OutputTokens), Cost = g.Sum(u => u.CostUsd) })
            .OrderByDescending(r => r.Cost)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new UsageRow(r.Key?.ToString(CultureInfo.InvariantCulture) ?? "unknown", null, r.Calls, r.Input, r.Cached, r.Output, r.Cost))];
    }
}

public sealed record UsageReport(DateOnly From, DateOnly To, string GroupBy, IReadOnlyList<UsageRow> Rows, UsageRow Totals, MonthToDate MonthToDate);

/// <summary>
/// One group's usage; <see cref="Split"/> is the model within the day when grouped by day and model,
/// and <see cref="Name"/> the member's name in the guild when grouped by user.
/// </summary>
public sealed record UsageRow(string Key, string? Split, long Calls, long InputTokens, long CachedInputTokens, long OutputTokens, decimal CostUsd, string? Name = null);

public sealed record MonthToDate(DateOnly Since, decimal SpentUsd, decimal? BudgetUsd, decimal? PercentOfBudget);
