using Npgsql;
using Platform.Api.Analytics;
using Platform.Data.Llm;

namespace Platform.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AnalyticsTests(ApiEnvironment environment)
{
    private static readonly DateTimeOffset Today = new(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero);

    [Fact]
    public async Task Usage_is_reported_by_model_module_user_and_day_with_refusals_apart_and_the_month_against_the_budget()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = (long)scenario.Guilds[0].Id;
        using var owner = await scenario.SignInAsync(scenario.Guilds[0].OwnerId);
        var member = scenario.Guilds[0].Members![2];
        var memberId = (long)member.User!.Id;
        var unpriced = Call(guild, memberId, "summary", "gpt-4o", 0.04m);
        unpriced.PriceMissing = true;
        await WriteAsync(scenario, Call(guild, 1, "ask", "gpt-4o-mini", 0.01m), Call(guild, 1, "ask", "gpt-4o", 0.02m), unpriced,
            Refused(guild, 1, "ask", "gpt-4o"), Call(guild + 1, 1, "ask", "gpt-4o", 5m));
        await owner.SendAsync(HttpMethod.Put, $"/api/guilds/{guild}/llm/budget", new { monthlyLimitUsd = 1m });

        var byModel = await ReportAsync(owner, guild, "model");
        var byUser = await ReportAsync(owner, guild, "user");
        var byModule = await ReportAsync(owner, guild, "module");
        var byDay = await ReportAsync(owner, guild, "day");
        var byDayAndModel = await ReportAsync(owner, guild, "day_by_model");

        Assert.Equal(
            [("gpt-4o", 2L, 1L, 1L, 0.06m), ("gpt-4o-mini", 1L, 0L, 0L, 0.01m)],
            byModel.Rows.Select(r => (r.Key, r.Calls, r.RefusedCalls, r.UnpricedCalls, r.CostUsd)));
        Assert.Equal([(1L, 0L), (2L, 1L)], byUser.Rows.Select(r => (r.Calls, r.RefusedCalls)).Order());
        Assert.Equal(
            [
                (memberId.ToString(), member.Nick ?? member.User.GlobalName ?? member.User.Username, 0.04m),
                ("1", null, 0.03m)],
            byUser.Rows.Select(r => (r.Key, r.Name, r.CostUsd)));
        Assert.All(byModel.Rows, row => Assert.Null(row.Name));
        Assert.Equal([("summary", 0.04m), ("ask", 0.03m)], byModule.Rows.Select(r => (r.Key, r.CostUsd)));
        Assert.Equal([(Today.ToString("yyyy-MM-dd"), 3L)], byDay.Rows.Select(r => (r.Key, r.Calls)));
        Assert.Equal([(Today.ToString("yyyy-MM-dd"), "gpt-4o", 0.06m), (Today.ToString("yyyy-MM-dd"), "gpt-4o-mini", 0.01m)],
            byDayAndModel.Rows.Select(r => (r.Key, r.Split, r.CostUsd)));
        Assert.Equal((3L, 1L, 0.07m, 360L), (byModel.Totals.Calls, byModel.Totals.RefusedCalls, byModel.Totals.CostUsd, byModel.Totals.InputTokens));
        Assert.Equal((0.07m, 1m, 7m), (byModel.MonthToDate.SpentUsd, byModel.MonthToDate.BudgetUsd, byModel.MonthToDate.PercentOfBudget));

        using var csv = await owner.GetAsync($"/api/guilds/{guild}/llm/usage.csv?groupBy=model");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            [
                "model,calls,refused_calls,unpriced_calls,input_tokens,cached_input_tokens,output_tokens,cost_usd",
                "gpt-4o,2,1,1,240,0,160,0.060000000", "gpt-4o-mini,1,0,0,120,0,80,0.010000000", "total,3,1,1,360,0,240,0.070000000",
            ],
            (await csv.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task By_user_reads_settled_days_from_the_member_rollups_and_adds_the_calls_since()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = (long)scenario.Guilds[0].Id;
        using var owner = await scenario.SignInAsync(scenario.Guilds[0].OwnerId);
        var memberId = (long)scenario.Guilds[0].Members![2].User!.Id;
        await WriteAsync(
            scenario,
            Call(guild, memberId, "ask", "gpt-4o", 0.04m, Today.AddDays(-2)),
            Call(guild, 1, "ask", "gpt-4o", 0.02m, Today.AddDays(-2)),
            Refused(guild, memberId, "ask", "gpt-4o", Today.AddDays(-2)),
            Call(guild, memberId, "ask", "gpt-4o", 0.01m, Today));
        await using var dataSource = NpgsqlDataSource.Create(scenario.ConnectionString);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await LlmDailyUsageSettling.SettleClosedDaysAsync(connection, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        // Without the raw rows of the settled day, only its member rollups can answer for it.
        await using (var delete = dataSource.CreateCommand("DELETE FROM llm_usage WHERE occurred_at < $1"))
        {
            delete.Parameters.AddWithValue(Today);
            Assert.Equal(3, await delete.ExecuteNonQueryAsync());
        }

        var byUser = await ReportAsync(owner, guild, "user", $"&from={Today.AddDays(-2):yyyy-MM-dd}");

        Assert.Equal(
            [(memberId.ToString(), 2L, 1L, 0.05m), ("1", 1L, 0L, 0.02m)],
            byUser.Rows.Select(r => (r.Key, r.Calls, r.RefusedCalls, r.CostUsd)));
    }

    [Fact]
    public async Task Reports_are_cached_until_a_write_to_the_guild_clears_them()
    {
        await using var scenario = await ApiScenario.StartAsync(environment, new Dictionary<string, string?> { ["Analytics:CacheFor"] = "00:01:00" });
        var guild = (long)scenario.Guilds[0].Id;
        using var owner = await scenario.SignInAsync(scenario.Guilds[0].OwnerId);
        await WriteAsync(scenario, Call(guild, 1, "ask", "gpt-4o", 0.02m));
        Assert.Equal(0.02m, (await ReportAsync(owner, guild, "model")).Totals.CostUsd);

        await WriteAsync(scenario, Call(guild, 1, "ask", "gpt-4o", 0.10m));
        var cached = await ReportAsync(owner, guild, "model");
        await owner.SendAsync(HttpMethod.Put, $"/api/guilds/{guild}/llm/budget", new { monthlyLimitUsd = 3m });
        var fresh = await ReportAsync(owner, guild, "model");

        Assert.Equal(0.02m, cached.Totals.CostUsd);
        Assert.Equal((0.12m, 3m), (fresh.Totals.CostUsd, fresh.MonthToDate.BudgetUsd));
    }

    private static async Task<UsageReport> ReportAsync(Browser browser, long guild, string groupBy, string query = "") =>
        await ProblemAssert.IsOkAsync<UsageReport>(await browser.GetAsync($"/api/guilds/{guild}/llm/usage?groupBy={groupBy}{query}"));

    private static async Task WriteAsync(ApiScenario scenario, params LlmUsage[] calls)
    {
        await using var dataSource = NpgsqlDataSource.Create(scenario.ConnectionString);
        await using var writer = new LlmUsageBatchWriter(dataSource);
        Assert.Equal(calls.Length, await writer.WriteAsync(calls, CancellationToken.None));
    }

    /// <summary>A call the budget refused: it reached no provider, used no tokens and cost nothing.</summary>
    private static LlmUsage Refused(long guildId, long userId, string module, string model, DateTimeOffset? day = null)
    {
        var refused = Call(guildId, userId, module, model, 0m, day);
        (refused.InputTokens, refused.OutputTokens, refused.Status, refused.ErrorKind) = (0, 0, LlmCallStatus.BudgetBlocked, "guild_month");
        return refused;
    }

    private static LlmUsage Call(long guildId, long userId, string module, string model, decimal cost, DateTimeOffset? day = null) => new()
    {
        Id = Guid.CreateVersion7(),
        OccurredAt = (day ?? Today).AddMinutes(Random.Shared.Next(0, 60)),
        GuildId = guildId,
        ChannelId = 11,
        UserId = userId,
        Module = module,
        Command = "/ask",
        Provider = "openai",
        ModelRequested = model,
        ModelReturned = model,
        InputTokens = 120,
        OutputTokens = 80,
        CostUsd = cost,
        DurationMs = 900,
        Status = LlmCallStatus.Ok,
    };
}
