using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Data;
using Platform.Data.Llm;
using static Platform.Benchmarks.LlmUsageStorage;
using static Platform.Benchmarks.Measurements;

namespace Platform.Benchmarks;

/// <summary>
/// A guild's 30-day summary by module and model over the usage rows loaded: from the daily rollups
/// as the bot leaves them (each day written as its calls came, then settled once closed), from the
/// same rollups never settled, each through the query the bot and the api run and by prepared SQL
/// (the floor), and from the raw table with its (guild_id, occurred_at) index.
/// </summary>
internal static class LlmUsageSummaries
{
    private const string Columns =
        "guild_id, day, module, model, calls, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost_usd";

    public static async Task RunAsync(NpgsqlDataSource dataSource, string database, DateTimeOffset now)
    {
        await ExecuteAsync(dataSource, $"""
            CREATE TABLE rollup_source AS
            SELECT coalesce(guild_id, 0) AS guild_id, (occurred_at AT TIME ZONE 'UTC')::date AS day, module,
                   model_requested AS model, count(*) AS calls,
                   sum(input_tokens) AS input_tokens, sum(cached_input_tokens) AS cached_input_tokens, sum(output_tokens) AS output_tokens,
                   sum(reasoning_tokens) AS reasoning_tokens, sum(cost_usd) AS cost_usd
            FROM llm_usage GROUP BY 1, 2, 3, 4;
            TRUNCATE llm_daily_usage;
            INSERT INTO llm_daily_usage ({Columns}) SELECT {Columns} FROM rollup_source ORDER BY day, random();
            """);
        await ExecuteAsync(dataSource, "VACUUM ANALYZE llm_usage");
        await ExecuteAsync(dataSource, "VACUUM ANALYZE llm_daily_usage");

        // The connection string as the bot and the api get it.
        await using var summaries = new PlatformDbContext(PlatformDbOptions.ForConnectionString(PlatformDbOptions.WithPlatformDefaults(database)));
        var from = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-29));
        var to = DateOnly.FromDateTime(now.UtcDateTime);
        var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var floorConnection = await dataSource.OpenConnectionAsync();
        await using var floor = new NpgsqlCommand("""
            SELECT module, model, sum(calls), sum(input_tokens), sum(cached_input_tokens), sum(output_tokens), sum(cost_usd)
            FROM llm_daily_usage WHERE guild_id = $1 AND day >= $2 AND day <= $3 GROUP BY 1, 2 ORDER BY 7 DESC
            """,
            floorConnection)
        {
            Parameters =
            {
                new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint },
                new() { Value = from },
                new() { Value = to },
            },
        };
        await floor.PrepareAsync();
        var rollups = () => TimeAsync(guild => LlmUsageSummary.ForGuildAsync(summaries, guild, from, to, CancellationToken.None));
        var rollupsPrepared = () => TimeAsync(async guild =>
        {
            floor.Parameters[0].Value = guild;
            await using var reader = await floor.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        });

        var (unsettled, unsettledPrepared) = (await rollups(), await rollupsPrepared());
        await SettleDayByDayAsync(dataSource, DateOnly.FromDateTime(now.UtcDateTime));
        var (settled, settledPrepared) = (await rollups(), await rollupsPrepared());
        var fromRaw = await TimeAsync(guild =>
            summaries
                .LlmUsage.AsNoTracking()
                .Where(u => u.GuildId == guild && u.OccurredAt >= since)
                .GroupBy(u => new { u.Module, u.ModelRequested })
                .OrderByDescending(g => g.Sum(u => u.CostUsd))
                .Select(g => new LlmUsageLine(
                    g.Key.Module,
                    g.Key.ModelRequested,
                    g.Count(u => u.Status != LlmCallStatus.BudgetBlocked),
                    g.Count(u => u.Status == LlmCallStatus.BudgetBlocked),
                    g.Count(u => u.PriceMissing),
                    g.Sum(u => (long)u.InputTokens),
                    g.Sum(u => (long)u.CachedInputTokens),
                    g.Sum(u => (long)u.OutputTokens),
                    g.Sum(u => u.CostUsd)))
                .ToListAsync());

        Print(new
        {
            benchmark = "llm-usage-30-day-summary",
            rows = await summaries.LlmUsage.LongCountAsync(),
            rollup_rows = await summaries.LlmDailyUsage.LongCountAsync(),
            rollups_p50_ms = Percentile(settled, 0.50),
            rollups_p99_ms = Percentile(settled, 0.99),
            rollups_prepared_sql_p50_ms = Percentile(settledPrepared, 0.50),
            unsettled_rollups_p50_ms = Percentile(unsettled, 0.50),
            unsettled_rollups_p99_ms = Percentile(unsettled, 0.99),
            unsettled_prepared_sql_p50_ms = Percentile(unsettledPrepared, 0.50),
            raw_p50_ms = Percentile(fromRaw, 0.50),
            raw_p99_ms = Percentile(fromRaw, 0.99),
            unsettled_over_settled_p50 = Percentile(unsettled, 0.50) / Percentile(settled, 0.50),
            raw_over_settled_p50 = Percentile(fromRaw, 0.50) / Percentile(settled, 0.50),
        });
    }

    /// <summary>Writes the rollups again a day at a time, in the order the day's calls came, settling each day as the next begins.</summary>
    private static async Task SettleDayByDayAsync(NpgsqlDataSource dataSource, DateOnly today)
    {
        await ExecuteAsync(dataSource, "TRUNCATE llm_daily_usage");
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var day = today.AddDays(-90); day <= today; day = day.AddDays(1))
        {
            await using var write = new NpgsqlCommand(
                $"INSERT INTO llm_daily_usage ({Columns}) SELECT {Columns} FROM rollup_source WHERE day = $1 ORDER BY random()",
                connection)
            {
                Parameters = { new() { Value = day } },
            };
            await write.ExecuteNonQueryAsync();
            var dayBegins = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            await LlmDailyUsageSettling.SettleClosedDaysAsync(connection, dayBegins + LlmDailyUsageSettling.Grace, CancellationToken.None);
        }

        await ExecuteAsync(dataSource, "ANALYZE llm_daily_usage");
    }

    private static async Task<List<double>> TimeAsync(Func<long, Task> query)
    {
        var random = new Random(7);
        for (var i = 0; i < 50; i++)
        {
            await query(random.Next(1, Guilds + 1));
        }

        var times = new List<double>();
        for (var i = 0; i < 500; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await query(random.Next(1, Guilds + 1));
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return times;
    }
}
