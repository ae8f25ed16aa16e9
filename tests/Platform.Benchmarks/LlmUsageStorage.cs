using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Data;
using Platform.Data.Llm;
using Platform.Testing;
using static Platform.Benchmarks.Measurements;

namespace Platform.Benchmarks;

/// <summary>
/// LLM usage storage on the host's Postgres: sustained ingest through the bot's batch writer (COPY
/// and the batch's daily rollups; and the spool replay's staged insert-if-new) against a raw COPY of
/// the same rows into llm_usage, in alternating rounds; then a guild's 30-day summary over 10 million rows, from the rollups (the
/// query the bot and the api use) and from the raw table with its (guild_id, occurred_at) index.
/// </summary>
internal static class LlmUsageStorage
{
    private const int BatchSize = 5_000;
    private const int Guilds = 1_000;
    private static readonly string[] Modules = ["ask", "summary", "moderation", "translate"];
    private static readonly string[] Models = ["gpt-4o-mini", "gpt-4.1", "claude-sonnet-4-5"];

    public static async Task<int> RunAsync(int ingestRows, int summaryRows)
    {
        using var data = TestDataDirectory.Create("bench");
        await using var infrastructure = await TestAppHost.StartAsync(data.Path, $"pg-{Guid.NewGuid():N}", $"redis-{Guid.NewGuid():N}", CancellationToken.None,
            "postgres", "postgres-password");
        await infrastructure.ResourceNotifications.WaitForResourceHealthyAsync("postgres");
        var database = await TestDatabases.CreateAsync(await infrastructure.ConnectionStringAsync("postgres"));
        await using (var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(database)))
        {
            await db.Database.MigrateAsync();
        }

        await using var dataSource = NpgsqlDataSource.Create(database);
        var now = DateTimeOffset.UtcNow;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            for (var month = 0; month <= 4; month++)
            {
                await LlmUsagePartitions.EnsureAsync(connection, now.AddMonths(-month), CancellationToken.None);
            }
        }

        // Live calls: made in the last ten minutes, as the bot writes them. Rows are made before the
        // clock starts, so that every path measures the database, not the making of rows.
        var (raw, ours, replays) = (new List<double>(), new List<double>(), new List<double>());
        var live = TimeSpan.FromMinutes(10);
        for (var round = 0; round < 2; round++)
        {
            raw.Add(await RawCopyAsync(dataSource, [.. Rows(ingestRows / 2, now, live)]));
            ours.Add(await WriterAsync(dataSource, [.. Rows(ingestRows / 2, now, live)], replay: false));
            replays.Add(await WriterAsync(dataSource, [.. Rows(ingestRows / 2, now, live)], replay: true));
        }

        Print(new
        {
            benchmark = "llm-usage-ingest",
            rows_per_round = ingestRows / 2,
            raw_copy_rows_per_s = raw,
            writer_rows_per_s = ours,
            spool_replay_rows_per_s = replays,
            ratio = ours.Sum() / raw.Sum(),
            replay_ratio = replays.Sum() / raw.Sum(),
        });

        var loaded = ingestRows / 2 * 6;
        await RawCopyAsync(dataSource, Rows(summaryRows - loaded, now, TimeSpan.FromDays(90)));
        // The rollups are rebuilt in day order, the order the bot creates them in as the days pass.
        await ExecuteAsync(dataSource, """
            TRUNCATE llm_daily_usage;
            INSERT INTO llm_daily_usage (guild_id, day, module, model, calls, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost_usd)
            SELECT coalesce(guild_id, 0), (occurred_at AT TIME ZONE 'UTC')::date, module, model_requested, count(*),
                   sum(input_tokens), sum(cached_input_tokens), sum(output_tokens), sum(reasoning_tokens), sum(cost_usd)
            FROM llm_usage GROUP BY 1, 2, 3, 4
            ORDER BY 2
            """);
        await ExecuteAsync(dataSource, "VACUUM ANALYZE llm_usage");
        await ExecuteAsync(dataSource, "VACUUM ANALYZE llm_daily_usage");

        // The connection string as the bot and the api get it.
        await using var summaries = new PlatformDbContext(PlatformDbOptions.ForConnectionString(PlatformDbOptions.WithPlatformDefaults(database)));
        var from = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-29));
        var to = DateOnly.FromDateTime(now.UtcDateTime);
        var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var fromRollups = await TimeAsync(guild => LlmUsageSummary.ForGuildAsync(summaries, guild, from, to, CancellationToken.None));
        await using var floorConnection = await dataSource.OpenConnectionAsync();
        await using var floor = new NpgsqlCommand("""
            SELECT module, model, sum(calls), sum(input_tokens), sum(cached_input_tokens), sum(output_tokens), sum(cost_usd)
            FROM llm_daily_usage WHERE guild_id = $1 AND day >= $2 AND day <= $3 GROUP BY 1, 2 ORDER BY 7 DESC
            """, floorConnection) { Parameters = { new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint }, new() { Value = from }, new() { Value = to } } };
        await floor.PrepareAsync();
        var fromRollupsPrepared = await TimeAsync(async guild =>
        {
            floor.Parameters[0].Value = guild;
            await using var reader = await floor.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        });
        var fromRaw = await TimeAsync(guild => summaries.LlmUsage.AsNoTracking()
            .Where(u => u.GuildId == guild && u.OccurredAt >= since)
            .GroupBy(u => new { u.Module, u.ModelRequested })
            .OrderByDescending(g => g.Sum(u => u.CostUsd))
            .Select(g => new LlmUsageLine(g.Key.Module, g.Key.ModelRequested, g.Count(), g.Sum(u => (long)u.InputTokens), g.Sum(u => (long)u.CachedInputTokens), g.Sum(u => (long)u.OutputTokens), g.Sum(u => u.CostUsd)))
            .ToListAsync());

        Print(new
        {
            benchmark = "llm-usage-30-day-summary",
            rows = await summaries.LlmUsage.LongCountAsync(),
            rollup_rows = await summaries.LlmDailyUsage.LongCountAsync(),
            rollups_p50_ms = Percentile(fromRollups, 0.50),
            rollups_p99_ms = Percentile(fromRollups, 0.99),
            rollups_prepared_sql_p50_ms = Percentile(fromRollupsPrepared, 0.50),
            raw_p50_ms = Percentile(fromRaw, 0.50),
            raw_p99_ms = Percentile(fromRaw, 0.99),
            p50_ratio = Percentile(fromRaw, 0.50) / Percentile(fromRollups, 0.50),
        });
        return 0;
    }

    private static async Task<double> RawCopyAsync(NpgsqlDataSource dataSource, IEnumerable<LlmUsage[]> batches)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var (rows, timer) = (0, Stopwatch.StartNew());
        foreach (var batch in batches)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await LlmUsageBatchWriter.CopyAsync(connection, "llm_usage", batch, CancellationToken.None);
            await transaction.CommitAsync();
            rows += batch.Length;
        }

        return rows / timer.Elapsed.TotalSeconds;
    }

    private static async Task<double> WriterAsync(NpgsqlDataSource dataSource, IEnumerable<LlmUsage[]> batches, bool replay)
    {
        await using var writer = new LlmUsageBatchWriter(dataSource);
        var (rows, timer) = (0, Stopwatch.StartNew());
        foreach (var batch in batches)
        {
            rows += replay ? await writer.WriteMissingAsync(batch, CancellationToken.None) : await writer.WriteAsync(batch, CancellationToken.None);
        }

        return rows / timer.Elapsed.TotalSeconds;
    }

    /// <summary>Calls spread over the guilds, modules and models and the <paramref name="span"/> before now, made as they are needed.</summary>
    private static IEnumerable<LlmUsage[]> Rows(int count, DateTimeOffset now, TimeSpan span)
    {
        var random = Random.Shared;
        for (var made = 0; made < count; made += BatchSize)
        {
            yield return [.. Enumerable.Range(0, Math.Min(BatchSize, count - made)).Select(_ => new LlmUsage
            {
                Id = Guid.CreateVersion7(),
                OccurredAt = now.AddSeconds(-random.Next((int)span.TotalSeconds)),
                GuildId = random.Next(1, Guilds + 1),
                ChannelId = random.NextInt64(1L << 40, 1L << 50),
                UserId = random.NextInt64(1L << 40, 1L << 50),
                Module = Modules[random.Next(Modules.Length)],
                Command = "/ask",
                Provider = "openai",
                ModelRequested = Models[random.Next(Models.Length)],
                ModelReturned = "gpt-4o-mini-2024-07-18",
                InputTokens = random.Next(20, 4_000),
                CachedInputTokens = 0,
                OutputTokens = random.Next(10, 1_500),
                ReasoningTokens = 0,
                CostUsd = random.Next(1, 5_000_000) / 1_000_000_000m,
                DurationMs = random.Next(200, 9_000),
                TimeToFirstTokenMs = random.Next(100, 800),
                Status = LlmCallStatus.Ok,
                RequestId = "chatcmpl-" + Guid.NewGuid().ToString("N"),
            })];
        }
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

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
