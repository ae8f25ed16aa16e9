using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Status;

namespace Platform.Api.Tests;

/// <summary>The public status says up or down; what describes the deployment is for the bot's owners.</summary>
[Collection(ApiCollection.Name)]
public sealed class PlatformStatusTests(ApiEnvironment environment)
{
    [Fact]
    public async Task Anonymous_callers_and_members_see_up_or_down_and_bot_owners_see_the_details()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        using var anonymous = new Browser(scenario.Api.BaseAddress);
        using var member = await scenario.SignInAsync(scenario.Guilds[0].Members![1].User!.Id);
        using var owner = await scenario.SignInAsync(scenario.Guilds[0].OwnerId);
        await using var db = scenario.Db();
        var latest = (await db.Database.GetAppliedMigrationsAsync()).Last();

        foreach (var browser in new[] { anonymous, member })
        {
            var body = await (await browser.GetAsync("/api/platform/status")).Content.ReadAsStringAsync();
            var status = JsonSerializer.Deserialize<PlatformStatus>(body, Browser.Json)!;
            Assert.Equal(new PlatformStatus(new(true, null, null, null, null), new(true, null, null), status.CheckedAt, Detailed: false), status);
            Assert.DoesNotContain(latest, body, StringComparison.Ordinal);
        }

        var detailed = await ProblemAssert.IsOkAsync<PlatformStatus>(await owner.GetAsync("/api/platform/status"));
        Assert.True(detailed.Detailed);
        Assert.Equal((latest, 0), (detailed.Database.LatestMigration, detailed.Database.PendingMigrations));
        Assert.NotNull(detailed.Redis.LatencyMs);
    }
}
