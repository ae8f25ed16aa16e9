using Microsoft.EntityFrameworkCore;
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
    public async Task A_closed_day_is_rewritten_once_with_each_guild_on_its_own_pages_and_nothing_summed_changes()
    {
        var (db, dataSource) = await postgres.MigratedAsync();
        await using var writer = new LlmUsageBatchWriter(dataSource);
        foreach (var at in new[] { Now.AddDays(-2), Now.AddDays(-1), Now })
        {
            await WriteInterleavedAsync(writer, at);
        }

        var before = await RollupsAsync(db);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.True(await MostPagesOfAGuildAsync(connection, Today.AddDays(-1)) >= 6, "The test's rows start out spread over pages.");

        var settled = await LlmDailyUsageSettling.SettleClosedDaysAsync(connection, Today, CancellationToken.None);

        Assert.Equal([Today.AddDays(-2), Today.AddDays(-1)], settled);
        Assert.Equal(before, await RollupsAsync(db));
        Assert.True(await MostPagesOfAGuildAsync(connection, Today.AddDays(-1)) <= 2);
        Assert.True(await MostPagesOfAGuildAsync(connection, Today) >= 6, "Today is still being written and is left alone.");
        Assert.Equal(Guilds * Modules.Length * Models.Length, (await db.LlmSettledDays.SingleAsync(s => s.Day == Today.AddDays(-1))).Rows);
        Assert.Empty(await LlmDailyUsageSettling.SettleClosedDaysAsync(connection, Today, CancellationToken.None));

        // A late record of a settled day (a spool replay) still adds to its rollup.
        await writer.WriteAsync([Usage(guildId: 1, module: "ask", cost: 0.5m, at: Now.AddDays(-1))], CancellationToken.None);
        var late = await db.LlmDailyUsage.AsNoTracking().SingleAsync(d => d.GuildId == 1 && d.Day == Today.AddDays(-1) && d.Module == "ask" && d.Model == "gpt-4o-mini");
        Assert.Equal((2L, 0.5m + 0.001m), (late.Calls, late.CostUsd));
    }

    [Fact]
    public async Task Two_processes_settling_at_once_rewrite_each_day_once()
    {
        var (db, dataSource) = await postgres.MigratedAsync();
        await using var writer = new LlmUsageBatchWriter(dataSource);
        for (var day = -6; day <= 0; day++)
        {
            await WriteInterleavedAsync(writer, Now.AddDays(day));
        }

        var before = await RollupsAsync(db);
        await using var first = await dataSource.OpenConnectionAsync();
        await using var second = await dataSource.OpenConnectionAsync();

        var settled = await Task.WhenAll(
            LlmDailyUsageSettling.SettleClosedDaysAsync(first, Today, CancellationToken.None),
            LlmDailyUsageSettling.SettleClosedDaysAsync(second, Today, CancellationToken.None));

        Assert.Equal(Enumerable.Range(1, 6).Select(ago => Today.AddDays(-ago)).Order(), settled.SelectMany(days => days).Order());
        Assert.Equal(before, await RollupsAsync(db));
    }

    /// <summary>One call per guild for each module and model in turn, as calls come in over a day: a guild's rows end up far apart.</summary>
    private static async Task WriteInterleavedAsync(LlmUsageBatchWriter writer, DateTimeOffset at)
    {
        foreach (var module in Modules)
        {
            foreach (var model in Models)
            {
                await writer.WriteAsync([.. Enumerable.Range(1, Guilds).Select(guild => Usage(guild, module, 0.001m, at, model))], CancellationToken.None);
            }
        }
    }

    private static async Task<List<(long, DateOnly, string, string, long, decimal)>> RollupsAsync(PlatformDbContext db) =>
        (await db.LlmDailyUsage.AsNoTracking().ToListAsync())
            .Select(d => (d.GuildId, d.Day, d.Module, d.Model, d.Calls, d.CostUsd))
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
