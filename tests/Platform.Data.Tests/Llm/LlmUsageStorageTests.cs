using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Data.Llm;
using Platform.Testing;
using static Platform.Data.Tests.Llm.LlmUsageTestData;

namespace Platform.Data.Tests.Llm;

[Collection(PostgresCollection.Name)]
public sealed class LlmUsageStorageTests(LocalPostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = UtcMonth.Start(DateTimeOffset.UtcNow).AddDays(3).AddHours(10);

    [Fact]
    public async Task A_batch_is_written_with_its_daily_rollups_and_replaying_it_counts_nothing_twice()
    {
        var (db, dataSource) = await postgres.MigratedAsync();
        await using var writer = new LlmUsageBatchWriter(dataSource);
        LlmUsage[] batch =
        [
            Usage(guildId: 1, module: "ask", cost: 0.001m, at: Now),
            Usage(guildId: 1, module: "ask", cost: 0.002m, at: Now.AddMinutes(1)),
            Usage(guildId: 1, module: "summary", cost: 0.004m, at: Now.AddDays(1)),
            Usage(guildId: null, module: "ask", cost: 0.008m, at: Now),
        ];

        var first = await writer.WriteAsync(batch, CancellationToken.None);
        var again = await writer.WriteMissingAsync(
            [batch[1], batch[2], Usage(guildId: 1, module: "ask", cost: 0.016m, at: Now)],
            CancellationToken.None);

        Assert.Equal((4, 1), (first, again));
        Assert.Equal(5, await db.LlmUsage.CountAsync());
        var rollups = await db.LlmDailyUsage.OrderBy(d => d.GuildId).ThenBy(d => d.Day).ThenBy(d => d.Module).ToListAsync();
        Assert.Equal(
            [
                (0L, DateOnly.FromDateTime(Now.UtcDateTime), "ask", 1L, 0.008m),
                (1L, DateOnly.FromDateTime(Now.UtcDateTime), "ask", 3L, 0.019m),
                (1L, DateOnly.FromDateTime(Now.UtcDateTime.AddDays(1)), "summary", 1L, 0.004m)],
            rollups.Select(d => (d.GuildId, d.Day, d.Module, d.Calls, d.CostUsd)));
        Assert.Equal(batch[0].InputTokens * 3, rollups[1].InputTokens);
    }

    [Fact]
    public async Task A_call_the_budget_refused_is_kept_and_counted_apart_from_calls_written_or_replayed()
    {
        var (db, dataSource) = await postgres.MigratedAsync();
        await using var writer = new LlmUsageBatchWriter(dataSource);
        var refused = Usage(guildId: 1, module: "ask", cost: 0m, at: Now);
        var replayedRefusal = Usage(guildId: 1, module: "ask", cost: 0m, at: Now);
        (refused.Status, replayedRefusal.Status) = (LlmCallStatus.BudgetBlocked, LlmCallStatus.BudgetBlocked);

        await writer.WriteAsync([Usage(guildId: 1, module: "ask", cost: 0.001m, at: Now), refused], CancellationToken.None);
        await writer.WriteMissingAsync([refused, replayedRefusal], CancellationToken.None);

        var rollup = await db.LlmDailyUsage.SingleAsync();
        Assert.Equal((1L, 2L, 0.001m), (rollup.Calls, rollup.RefusedCalls, rollup.CostUsd));
        Assert.Equal(2, await db.LlmUsage.CountAsync(u => u.Status == LlmCallStatus.BudgetBlocked));
    }

    [Fact]
    public async Task Every_field_of_a_record_reads_back_as_written()
    {
        var (db, dataSource) = await postgres.MigratedAsync();
        await using var writer = new LlmUsageBatchWriter(dataSource);
        var written = Usage(guildId: 42, module: "ask", cost: 0.000123456m, at: Now);
        (written.Status, written.ErrorKind, written.TimeToFirstTokenMs, written.Command) = (LlmCallStatus.BudgetBlocked, "guild_month", null, null);

        await writer.WriteAsync([written], CancellationToken.None);

        var read = await db.LlmUsage.AsNoTracking().SingleAsync();
        Assert.Equivalent(written, read, strict: true);
    }

    [Fact]
    public async Task A_month_never_seen_gets_its_partition_and_retention_drops_whole_old_partitions()
    {
        var (db, dataSource) = await postgres.MigratedAsync();
        await using var writer = new LlmUsageBatchWriter(dataSource);
        var months = Enumerable.Range(0, 16).Select(i => UtcMonth.Start(Now).AddMonths(-i).AddDays(2)).ToList();
        await writer.WriteAsync([.. months.Select(at => Usage(guildId: 7, module: "ask", cost: 0.01m, at: at))], CancellationToken.None);

        await using var connection = await dataSource.OpenConnectionAsync();
        var dropped = await LlmUsagePartitions.DropExpiredAsync(connection, Now, retentionMonths: 12, CancellationToken.None);

        Assert.Equal(months.Skip(13).Select(UtcMonth.Start).Order(), dropped);
        Assert.Equal(13, await db.LlmUsage.CountAsync());
        Assert.Equal(UtcMonth.Start(Now).AddMonths(-12), (await LlmUsagePartitions.ListAsync(connection, CancellationToken.None))[0]);
        // The rollups of the dropped months stay: analytics outlive the raw rows.
        Assert.Equal(16, await db.LlmDailyUsage.CountAsync());
        Assert.Empty(await LlmUsagePartitions.DropExpiredAsync(connection, Now, retentionMonths: 12, CancellationToken.None));
    }

    [Fact]
    public async Task Partitions_are_made_ahead_and_making_them_again_from_two_connections_is_harmless()
    {
        var (_, dataSource) = await postgres.MigratedAsync();
        await using var first = await dataSource.OpenConnectionAsync();
        await using var second = await dataSource.OpenConnectionAsync();
        var inTwoYears = Now.AddYears(2);

        await Task.WhenAll(
            LlmUsagePartitions.EnsureAheadAsync(first, inTwoYears, monthsAhead: 3, CancellationToken.None),
            LlmUsagePartitions.EnsureAheadAsync(second, inTwoYears, monthsAhead: 3, CancellationToken.None));

        var months = await LlmUsagePartitions.ListAsync(first, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => UtcMonth.Start(inTwoYears).AddMonths(i)), months.TakeLast(4));
    }
}
