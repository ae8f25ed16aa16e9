using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Platform.Api.Tests;

/// <summary>Two admins saving the same new thing at the same moment: one row, and no answer that blames the database.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConcurrentWriteTests(ApiEnvironment environment)
{
    private const int Racers = 8;

    [Fact]
    public async Task First_writes_of_a_module_and_a_budget_racing_each_other_all_succeed_with_one_row()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = scenario.Guilds[0];
        using var owner = await scenario.SignInAsync(guild.OwnerId);

        var modules = await RaceAsync(() => owner.SendAsync(HttpMethod.Put, $"/api/guilds/{guild.Id}/modules/tags", new { enabled = false }));
        var budgets = await RaceAsync(() => owner.SendAsync(HttpMethod.Put, $"/api/guilds/{guild.Id}/llm/budget", new { monthlyLimitUsd = 5m }));

        Assert.All(modules.Concat(budgets), status => Assert.Equal(HttpStatusCode.OK, status));
        await using var db = scenario.Db();
        Assert.Equal(1, await db.GuildModules.CountAsync(m => m.GuildId == (long)guild.Id && m.Module == "tags"));
        Assert.Equal(1, await db.LlmBudgets.CountAsync(b => b.GuildId == (long)guild.Id));
        Assert.Equal(2 * Racers, await db.AuditLog.CountAsync(e => e.GuildId == (long)guild.Id));
    }

    [Fact]
    public async Task The_same_grant_created_by_racing_requests_is_created_once_and_the_others_get_409()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = scenario.Guilds[0];
        var member = await scenario.AddMemberAsync(guild, "racer");
        using var owner = await scenario.SignInAsync(guild.OwnerId);

        var statuses = await RaceAsync(() =>
            owner.SendAsync(
                HttpMethod.Post,
                $"/api/guilds/{guild.Id}/access-grants",
                new
                {
                    subjectType = "user",
                    subjectId = member.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    scopes = new[] { "view_analytics" },
                }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(Racers - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
    }

    /// <summary>Sends <see cref="Racers"/> requests at once; every answer must be problem details unless it succeeded.</summary>
    private static async Task<IReadOnlyList<HttpStatusCode>> RaceAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var start = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, Racers).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            using var response = await send();
            if (!response.IsSuccessStatusCode)
            {
                await ProblemAssert.IsProblemAsync(response, response.StatusCode);
            }

            return response.StatusCode;
        })).ToList();
        start.Release(Racers);
        return await Task.WhenAll(racers);
    }
}
