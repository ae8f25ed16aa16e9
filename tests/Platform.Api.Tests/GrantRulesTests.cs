using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Platform.Data.Access;

namespace Platform.Api.Tests;

/// <summary>Delegation stays within what the delegate holds, and a grant is only made where it can take effect.</summary>
[Collection(ApiCollection.Name)]
public sealed class GrantRulesTests(ApiEnvironment environment)
{
    [Fact]
    public async Task A_delegate_cannot_change_or_remove_a_grant_that_holds_more_than_they_do()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = scenario.Guilds[0];
        var delegateId = guild.Members![4].User!.Id;
        var (stronger, weaker) = (guild.Members![6].User!.Id, guild.Members![8].User!.Id);
        long strongerGrant, weakerGrant;
        await using (var db = scenario.Db())
        {
            var seeded = new[]
            {
                Grant(guild.Id, delegateId, AccessScopes.ManageAccess | AccessScopes.ViewAnalytics),
                Grant(guild.Id, stronger, AccessScopes.ManageBudgets | AccessScopes.ViewAnalytics),
                Grant(guild.Id, weaker, AccessScopes.ViewAnalytics),
            };
            db.AccessGrants.AddRange(seeded);
            await db.SaveChangesAsync();
            (strongerGrant, weakerGrant) = (seeded[1].Id, seeded[2].Id);
        }

        using var @delegate = await scenario.SignInAsync(delegateId);
        var grants = $"/api/guilds/{guild.Id}/access-grants";

        await ProblemAssert.IsProblemAsync(
            await @delegate.SendAsync(
                HttpMethod.Put,
                $"{grants}/{strongerGrant}",
                new { scopes = new[] { "view_analytics" } }),
            HttpStatusCode.Forbidden,
            "narrowing");
        await ProblemAssert.IsProblemAsync(
            await @delegate.SendAsync(HttpMethod.Delete, $"{grants}/{strongerGrant}"),
            HttpStatusCode.Forbidden,
            "removing");
        await ProblemAssert.IsOkAsync<object>(
            await @delegate.SendAsync(
                HttpMethod.Put,
                $"{grants}/{weakerGrant}",
                new { scopes = new[] { "manage_access" } }));
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await @delegate.SendAsync(HttpMethod.Delete, $"{grants}/{weakerGrant}")).StatusCode);

        await using var after = scenario.Db();
        Assert.Equal(
            AccessScopes.ManageBudgets | AccessScopes.ViewAnalytics,
            (await after.AccessGrants.SingleAsync(g => g.Id == strongerGrant)).Scopes);
        Assert.False(await after.AccessGrants.AnyAsync(g => g.Id == weakerGrant));
    }

    [Fact]
    public async Task Grants_that_could_never_take_effect_are_refused_with_the_reason()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var (guild, other) = (scenario.Guilds[0], scenario.Guilds[1]);
        using var owner = await scenario.SignInAsync(guild.OwnerId);
        var grants = $"/api/guilds/{guild.Id}/access-grants";

        (string Case, string Type, ulong Id)[] refused =
        [
            ("a user who is not a member", "user", other.Members![1].User!.Id),
            ("a made-up user", "user", 123456789012345678),
            ("a role of another guild", "role", other.Roles![1].Id),
            ("@everyone", "role", guild.Id),
        ];
        foreach (var (name, type, id) in refused)
        {
            var problem = await ProblemAssert.IsProblemAsync(
                await owner.SendAsync(HttpMethod.Post, grants, Request(type, id)),
                HttpStatusCode.BadRequest,
                name);
            Assert.True(problem.GetProperty("errors").TryGetProperty("subjectId", out _), $"{name}: {problem}");
        }

        Assert.Equal(
            HttpStatusCode.Created,
            (await owner.SendAsync(HttpMethod.Post, grants, Request("role", guild.Roles![1].Id))).StatusCode);
        Assert.Equal(
            HttpStatusCode.Created,
            (await owner.SendAsync(HttpMethod.Post, grants, Request("user", guild.Members![2].User!.Id))).StatusCode);
        await using var db = scenario.Db();
        Assert.Equal(2, await db.AccessGrants.CountAsync(g => g.GuildId == (long)guild.Id));
    }

    private static object Request(string type, ulong id) =>
        new
        {
            subjectType = type,
            subjectId = id.ToString(CultureInfo.InvariantCulture),
            scopes = new[] { "view_analytics" },
        };

    private static AccessGrant Grant(ulong guildId, ulong userId, AccessScopes scopes) =>
        new()
        {
            GuildId = (long)guildId,
            SubjectType = GrantSubject.User,
            SubjectId = (long)userId,
            Scopes = scopes,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
}
