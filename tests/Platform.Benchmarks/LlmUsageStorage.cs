using System.Diagnostics;
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
/// the same rows into llm_usage, in alternating rounds; then loads the rows for <see cref="LlmUsageSummaries"/>.
/// </summary>
internal static class LlmUsageStorage
{
    private const int BatchSize = 5_000;
    private static readonly string[] Modules = ["ask", "summary", "moderation", "translate"];
    private static readonly string[] Models = ["gpt-4o-mini", "gpt-4.1", "claude-sonnet-4-5"];

    public const int Guilds = 1_000;

    public static async Task<int> RunAsync(int ingestRows, int summaryRows)
    {
        using var data = TestDataDirectory.Create("bench");
        await using var infrastructure = await TestAppHost.StartAsync(
            data.Path,
            $"pg-{Guid.NewGuid():N}",
            $"redis-{Guid.NewGuid():N}",
            CancellationToken.None,
            "postgres",
            "postgres-password");
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

        await RawCopyAsync(dataSource, Rows(summaryRows - ingestRows / 2 * 6, now, TimeSpan.FromDays(90)));
        await LlmUsageSummaries.RunAsync(dataSource, database, now);
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

    public static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
