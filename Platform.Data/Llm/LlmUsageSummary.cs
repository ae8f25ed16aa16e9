using Microsoft.EntityFrameworkCore;

namespace Platform.Data.Llm;

/// <summary>
/// A guild's LLM usage over a span of days, by module and model, read from the daily rollups: a few
/// hundred rows for a month however many calls it had, where the raw table would scan every call.
/// </summary>
public static class LlmUsageSummary
{
    // Compiled once: dashboards and /usage ask this all day, and EF's per-call query lookup was
    // half of the time it took (benchmark: tests/Platform.Benchmarks/run-llm-usage.sh).
    private static readonly Func<PlatformDbContext, long, DateOnly, DateOnly, IAsyncEnumerable<LlmUsageLine>> Query =
        EF.CompileAsyncQuery((PlatformDbContext db, long guildId, DateOnly from, DateOnly to) =>
            db.LlmDailyUsage.AsNoTracking()
                .Where(d => d.GuildId == guildId && d.Day >= from && d.Day <= to)
                .GroupBy(d => new { d.Module, d.Model })
                .OrderByDescending(g => g.Sum(d => d.CostUsd))
                .Select(g => new LlmUsageLine(
                    g.Key.Module,
                    g.Key.Model,
                    g.Sum(d => d.Calls),
                    g.Sum(d => d.RefusedCalls),
                    g.Sum(d => d.UnpricedCalls),
                    g.Sum(d => d.InputTokens),
                    g.Sum(d => d.CachedInputTokens),
                    g.Sum(d => d.OutputTokens),
                    g.Sum(d => d.CostUsd))));

    public static Task<List<LlmUsageLine>> ForGuildAsync(
        PlatformDbContext db,
        long guildId,
        DateOnly from,
        DateOnly to,
        CancellationToken cancellationToken) => Query(db, guildId, from, to).ToListAsync(cancellationToken).AsTask();
}

/// <param name="Calls">Calls that reached the provider.</param>
/// <param name="RefusedCalls">Calls the budget refused, counted apart.</param>
/// <param name="UnpricedCalls">Calls charged at the ceiling price, their model having no price.</param>
public sealed record LlmUsageLine(
    string Module,
    string Model,
    long Calls,
    long RefusedCalls,
    long UnpricedCalls,
    long InputTokens,
    long CachedInputTokens,
    long OutputTokens,
    decimal CostUsd);
