using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Platform.Data.Llm;
using Platform.Testing;
using static Platform.Data.Tests.Llm.LlmUsageTestData;

namespace Platform.Data.Tests.Llm;

[Collection(PostgresCollection.Name)]
public sealed class LlmDailyUsageSettlingTests(LocalPostgresFixture postgres)
{
    private const int Guilds = 60;
    private static readonly string[] Modules = ["ask", "summary", "moderation", "translate"];
    private static readonly string[] Models = ["gpt-4o-mini", "gpt-4.1", "claude-sonnet-4-5"];
    private static readonly DateTimeOffset Now = UtcMonth.Start(DateTimeOffset.UtcNow).AddDays(3).AddHours(10);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public async Task A_closed_day_is_settled_once_with_each_guild_on_its_own_pages_and_its_members_summed()
    {
        var (db, dataSource) = await postgres.MigratedAsync();
        await using var writer = new LlmUsageBatchWriter(dataSource, new FakeTimeProvider(Now.AddDays(-2)));
        foreach (var at in new[] { Now.AddDays(-2), Now.AddDays(-1), Now })
        {
            await WriteInterleavedAsync(writer, at);
        }

        var before = await RollupsAsync(db);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.True(await MostPagesOfAGuildAsync(connection, Today.AddDays(-1)) >= 6, "The test's rows start out spread over pages.");

        var settled = await LlmDailyUsageSettling.SettleClosedDaysAsync(connection, Now, CancellationToken.None);

        Assert.Equal([Today.AddDays(-2), Today.AddDays(-1)], settled);
        Assert.Equal(before, await RollupsAsync(db));
        Assert.True(await MostPagesOfAGuildAsync(connection, Today.AddDays(-1)) <= 2);
        Assert.True(await MostPagesOfAGuildAsync(connection, Today) >= 6, "Today is still being written and is left alone.");
        Assert.Equal(Guilds * Modules.Length * Models.Length, (await db.LlmSettledDays.SingleAsync(s => s.Day == Today.AddDays(-1))).Rows);
        Assert.Equal(await MembersFromRawAsync(db, Today), await MemberRollupsAsync(db));
        Assert.Empty(await LlmDailyUsageSettling.SettleClosedDaysAsync(connection, Now, CancellationToken.None));
    }

    [Fact]
    public async Task A_day_waits_an_hour_past_its_end_before_it_is_settled()
    {
        var (_, dataSource) = await postgres.MigratedAsync();
        await using var writer = new LlmUsageBatchWriter(dataSource);
        await writer.WriteAsync([Usage(guildId: 1, module: "ask", cost: 0.001m, at: Now.AddDays(-1))], CancellationToken.None);
        await using var connection = await dataSource.OpenConnectionAsync();
        var midnight = new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        Assert.Empty(
            await LlmDailyUsageSettling.SettleClosedDaysAsync(
                connection,
                midnight.AddMinutes(59),
                CancellationToken.None));
        Assert.Equal(
            [Today.AddDays(-1)],
            await LlmDailyUsageSettling.SettleClosedDaysAsync(
                connection,
                midnight.AddMinutes(61),
                CancellationToken.None));
    }

    [Fact]
    public async Task Late_records_of_a_settled_day_reach_its_member_rollups_once_written_or_replayed()
    {
        var (db, dataSource) = await postgres.MigratedAsync();
        await using var writer = new LlmUsageBatchWriter(dataSource, new FakeTimeProvider(Now));
        await WriteInterleavedAsync(writer, Now.AddDays(-1));
        await using var connection = await dataSource.OpenConnectionAsync();
        await LlmDailyUsageSettling.SettleClosedDaysAsync(connection, Now, CancellationToken.None);

        var late = Member(Usage(guildId: 1, module: "ask", cost: 0.5m, at: Now.AddDays(-1)), userId: 77);
        var replayed = Member(Usage(guildId: 2, module: "ask", cost: 0.25m, at: Now.AddDays(-1)), userId: 77);
        var unsettled = Member(Usage(guildId: 3, module: "ask", cost: 0.125m, at: Now), userId: 77);
        await writer.WriteAsync([late, unsettled], CancellationToken.None);
        await writer.WriteMissingAsync([replayed, late], CancellationToken.None);
        await writer.WriteMissingAsync([replayed], CancellationToken.None);

        Assert.Equal(await MembersFromRawAsync(db, Today), await MemberRollupsAsync(db));
        Assert.Contains((1L, Today.AddDays(-1), 77L, 1L, 0.5m), await MemberRollupsAsync(db));
        Assert.DoesNotContain(await MemberRollupsAsync(db), row => row.Item2 == Today);
        var daily = await db
            .LlmDailyUsage.AsNoTracking()
            .SingleAsync(d =>
                d.GuildId == 1 && d.Day == Today.AddDays(-1) && d.Module == "ask" && d.Model == "gpt-4o-mini");
        Assert.Equal((2L, 0.5m + 0.001m), (daily.Calls, daily.CostUsd));
    }

    [Fact]
    public async Task Two_processes_settling_at_once_settle_each_day_once()
    {
        var (db, dataSource) = await postgres.MigratedAsync();
        await using var writer = new LlmUsageBatchWriter(dataSource, new FakeTimeProvider(Now.AddDays(-6)));
        for (var day = -6; day <= 0; day++)
        {
            await WriteInterleavedAsync(writer, Now.AddDays(day));
        }

        var before = await RollupsAsync(db);
        await using var first = await dataSource.OpenConnectionAsync();
        await using var second = await dataSource.OpenConnectionAsync();

        var settled = await Task.WhenAll(
            LlmDailyUsageSettling.SettleClosedDaysAsync(first, Now, CancellationToken.None),
            LlmDailyUsageSettling.SettleClosedDaysAsync(second, Now, CancellationToken.None));

        Assert.Equal(Enumerable.Range(1, 6).Select(ago => Today.AddDays(-ago)).Order(), settled.SelectMany(days => days).Order());
        Assert.Equal(before, await RollupsAsync(db));
        Assert.Equal(await MembersFromRawAsync(db, Today), await MemberRollupsAsync(db));
    }

    /// <summary>One call per guild for each module and model in turn, as calls come in over a day: a guild's rows end up far apart.</summary>
    private static async Task WriteInterleavedAsync(LlmUsageBatchWriter writer, DateTimeOffset at)
    {
        foreach (var module in Modules)
        {
            foreach (var (model, i) in Models.Select((model, i) => (model, i)))
            {
                await writer.WriteAsync(
                    [
                        .. Enumerable
                            .Range(1, Guilds)
                            .Select(guild =>
                                Member(Usage(guild, module, 0.001m, at, model), userId: i == 0 ? null : guild % 4 + i))],
                    CancellationToken.None);
            }
        }
    }

    private static LlmUsage Member(LlmUsage usage, long? userId)
    {
        usage.UserId = userId;
        return usage;
    }

    private static async Task<List<(long, DateOnly, string, string, long, decimal)>> RollupsAsync(PlatformDbContext db) =>
        (await db.LlmDailyUsage.AsNoTracking().ToListAsync())
            .Select(d => (d.GuildId, d.Day, d.Module, d.Model, d.Calls, d.CostUsd))
            .Order()
            .ToList();

    private static async Task<List<(long, DateOnly, long, long, decimal)>> MemberRollupsAsync(PlatformDbContext db) =>
        (await db.LlmDailyUserUsage.AsNoTracking().ToListAsync())
            .Select(d => (d.GuildId, d.Day, d.UserId, d.Calls, d.CostUsd))
            .Order()
            .ToList();

    /// <summary>What the member rollups of the days before <paramref name="today"/> should hold, summed from the raw rows.</summary>
    private static async Task<List<(long, DateOnly, long, long, decimal)>> MembersFromRawAsync(PlatformDbContext db, DateOnly today) =>
        (await db.LlmUsage.AsNoTracking().ToListAsync())
            .Where(u => DateOnly.FromDateTime(u.OccurredAt.UtcDateTime) < today)
            .GroupBy(u => (Guild: u.GuildId ?? 0, Day: DateOnly.FromDateTime(u.OccurredAt.UtcDateTime), User: u.UserId ?? 0))
            .Select(g => (g.Key.Guild, g.Key.Day, g.Key.User, g.LongCount(), g.Sum(u => u.CostUsd)))
            .Order()
            .ToList();

    private static async Task<long> MostPagesOfAGuildAsync(NpgsqlConnection connection, DateOnly day)
    {
        await using var command = new NpgsqlCommand("""
            SELECT max(pages) FROM (
                SELECT count(DISTINCT (ctid::text::point)[0]) AS pages FROM llm_daily_usage WHERE day = $1 GROUP BY guild_id) AS guilds
            """, connection) { Parameters = { new() { Value = day } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
