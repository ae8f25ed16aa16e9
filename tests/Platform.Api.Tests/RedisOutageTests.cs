using System.Net;

namespace Platform.Api.Tests;

/// <summary>With Redis down nothing is opened up and nothing answers 500: signed-in calls get 503 problems, and service resumes with Redis.</summary>
[Collection(RedisOutageCollection.Name)]
public sealed class RedisOutageTests(ApiEnvironment environment)
{
    [Fact]
    public async Task Signed_in_calls_get_503_problems_while_Redis_is_down()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = scenario.Guilds[0];
        using var owner = await scenario.SignInAsync(guild.OwnerId);
        using var anonymous = new Browser(scenario.Api.BaseAddress);

        await environment.StopRedisAsync();
        try
        {
            await ProblemAssert.IsProblemAsync(await owner.GetAsync("/api/me"), HttpStatusCode.ServiceUnavailable, "me");
            await ProblemAssert.IsProblemAsync(await owner.GetAsync($"/api/guilds/{guild.Id}/modules"), HttpStatusCode.ServiceUnavailable, "modules");
            await ProblemAssert.IsProblemAsync(
                await owner.GetAsync("/api/me"),
                HttpStatusCode.ServiceUnavailable,
                "me");
            await ProblemAssert.IsProblemAsync(
                await owner.GetAsync($"/api/guilds/{guild.Id}/modules"),
                HttpStatusCode.ServiceUnavailable,
                "modules");
            await ProblemAssert.IsProblemAsync(
                await owner.SendAsync(
                    HttpMethod.Put,
                    $"/api/guilds/{guild.Id}/llm/budget",
                    new { monthlyLimitUsd = 1m }),
                HttpStatusCode.ServiceUnavailable,
                "budget");
            await ProblemAssert.IsProblemAsync(
                await owner.SendAsync(HttpMethod.Post, "/api/auth/logout"),
                HttpStatusCode.ServiceUnavailable,
                "logout");
            await ProblemAssert.IsProblemAsync(
                await anonymous.GetAsync("/api/auth/login"),
                HttpStatusCode.ServiceUnavailable,
                "login");
            await ProblemAssert.IsProblemAsync(
                await anonymous.GetAsync("/api/me"),
                HttpStatusCode.Unauthorized,
                "anonymous");
            var status = await ProblemAssert.IsOkAsync<Platform.Api.Status.PlatformStatus>(
                await anonymous.GetAsync("/api/platform/status"));
            Assert.Equal((false, null), (status.Redis.Reachable, status.Redis.Error));
        }
        finally
        {
            await environment.StartRedisAsync();
        }

        await Eventually.TrueAsync(
            async () =>
                (await owner.GetAsync("/api/me")).StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized,
            "the api answering again");
        await using var db = scenario.Db();
        Assert.Empty(db.LlmBudgets);
        using var again = await scenario.SignInAsync(guild.OwnerId);
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await again.SendAsync(
                    HttpMethod.Put,
                    $"/api/guilds/{guild.Id}/llm/budget",
                    new { monthlyLimitUsd = 1m })).StatusCode);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RedisOutageCollection : ICollectionFixture<ApiEnvironment>
{
    public const string Name = "api-outage";
}
