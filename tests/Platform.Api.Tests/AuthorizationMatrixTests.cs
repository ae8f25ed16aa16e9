using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Access;
using Platform.Data.Access;
using Platform.Data.Llm;

namespace Platform.Api.Tests;

/// <summary>
/// Every persona against every endpoint, in one table: who gets in, who is told no (403), and who is told the guild
/// does not exist (404).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationMatrixTests(ApiEnvironment environment)
{
    private enum Gate { Public, SignedIn, BotOwner, Guild }

    private sealed record Endpoint(
        string Name,
        HttpMethod Method,
        Gate Gate,
        AccessScopes Scope,
        Func<MatrixContext, Task<string>> Path,
        Func<MatrixContext, Task<object?>>? Body = null);

    private sealed record Persona(string Name, Browser Browser, AccessScopes RightsInGuild, bool IsBotOwner, bool SignedIn = true);

    private sealed record MatrixContext(ApiScenario Scenario, long GuildId);

    private static readonly Endpoint[] Endpoints =
    [
        new("platform status", HttpMethod.Get, Gate.Public, AccessScopes.None, _ => Task.FromResult("/api/platform/status")),
        new("me", HttpMethod.Get, Gate.SignedIn, AccessScopes.None, _ => Task.FromResult("/api/me")),
        new("guild list", HttpMethod.Get, Gate.SignedIn, AccessScopes.None, _ => Task.FromResult("/api/guilds")),
        new("guild overview", HttpMethod.Get, Gate.Guild, AccessScopes.None, c => Guild(c, "")),
        new("modules", HttpMethod.Get, Gate.Guild, AccessScopes.None, c => Guild(c, "/modules")),
        new(
            "module change",
            HttpMethod.Put,
            Gate.Guild,
            AccessScopes.ManageModules,
            c => Guild(c, "/modules/tags"),
            _ => Body(new { enabled = true, settings = new { max_tags = 50 } })),
        new("budget", HttpMethod.Get, Gate.Guild, AccessScopes.ViewAnalytics, async c =>
        {
            await SeedBudgetAsync(c);
            return await Guild(c, "/llm/budget");
        }),
        new(
            "budget change",
            HttpMethod.Put,
            Gate.Guild,
            AccessScopes.ManageBudgets,
            c => Guild(c, "/llm/budget"),
            _ => Body(new { monthlyLimitUsd = 25m })),
        new("budget removal", HttpMethod.Delete, Gate.Guild, AccessScopes.ManageBudgets, async c =>
        {
            await SeedBudgetAsync(c);
            return await Guild(c, "/llm/budget");
        }),
        new("usage", HttpMethod.Get, Gate.Guild, AccessScopes.ViewAnalytics, c => Guild(c, "/llm/usage?groupBy=model")),
        new("usage csv", HttpMethod.Get, Gate.Guild, AccessScopes.ViewAnalytics, c => Guild(c, "/llm/usage.csv")),
        new("grants", HttpMethod.Get, Gate.Guild, AccessScopes.ManageAccess, c => Guild(c, "/access-grants")),
        new(
            "grant creation",
            HttpMethod.Post,
            Gate.Guild,
            AccessScopes.ManageAccess,
            c => Guild(c, "/access-grants"),
            async c => new
            {
                subjectType = "user",
                subjectId = (
                    await c.Scenario.AddMemberAsync(c.Scenario.Guilds.Single(g => (long)g.Id == c.GuildId), "grantee")
                ).ToString(System.Globalization.CultureInfo.InvariantCulture),
                scopes = new[] { "view_analytics" },
            }),
        new(
            "grant change",
            HttpMethod.Put,
            Gate.Guild,
            AccessScopes.ManageAccess,
            async c => await Guild(c, $"/access-grants/{await SeedGrantAsync(c)}"),
            _ => Body(new { scopes = new[] { "view_analytics" } })),
        new("grant removal", HttpMethod.Delete, Gate.Guild, AccessScopes.ManageAccess, async c =>
            await Guild(c, $"/access-grants/{await SeedGrantAsync(c)}")),
        new("audit log", HttpMethod.Get, Gate.Guild, AccessScopes.ManageAccess, c => Guild(c, "/audit-log")),
        new("shards", HttpMethod.Get, Gate.BotOwner, AccessScopes.None, _ => Task.FromResult("/api/platform/shards")),
        new("all guilds", HttpMethod.Get, Gate.BotOwner, AccessScopes.None, _ => Task.FromResult("/api/platform/guilds")),
        new("logout", HttpMethod.Post, Gate.SignedIn, AccessScopes.None, _ => Task.FromResult("/api/auth/logout")),
    ];

    [Fact]
    public async Task Every_persona_gets_exactly_its_rights_on_every_endpoint()
    {
        // The bot owner is a member of another guild only: their rights in the tested guild come from owning the bot.
        await using var scenario = await ApiScenario.StartAsync(environment, guilds => new Dictionary<string, string?>
        {
            ["Dashboard:BotOwners"] = BotOwner(guilds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var botOwnerId = BotOwner(scenario.Guilds);
        var guild = scenario.Guilds[1];
        var other = scenario.Guilds[0];
        var managerId = await scenario.AddMemberAsync(guild, "manager", guild.Roles![2].Id);
        var otherManagerId = await scenario.AddMemberAsync(other, "other-manager", other.Roles![2].Id);
        var delegatedUser = guild.Members![4].User!.Id;
        var delegatedRoleMember = guild.Members![1].User!.Id;
        await using (var db = scenario.Db())
        {
            db.AccessGrants.AddRange(
                new AccessGrant
                {
                    GuildId = (long)guild.Id,
                    SubjectType = GrantSubject.User,
                    SubjectId = (long)delegatedUser,
                    Scopes = AccessScopes.ViewAnalytics | AccessScopes.ManageModules,
                },
                new AccessGrant
                {
                    GuildId = (long)guild.Id,
                    SubjectType = GrantSubject.Role,
                    SubjectId = (long)guild.Roles![1].Id,
                    Scopes = AccessScopes.ViewAnalytics,
                });
            await db.SaveChangesAsync();
        }

        Persona[] personas =
        [
            new("anonymous", new Browser(scenario.Api.BaseAddress), AccessScopes.None, false, SignedIn: false),
            new("member", await scenario.SignInAsync(guild.Members![2].User!.Id), AccessScopes.None, false),
            new("manage guild", await scenario.SignInAsync(managerId), GuildAccess.Full, false),
            new("owner", await scenario.SignInAsync(guild.OwnerId), GuildAccess.Full, false),
            new("delegated user", await scenario.SignInAsync(delegatedUser), AccessScopes.ViewAnalytics | AccessScopes.ManageModules, false),
            new("delegated role", await scenario.SignInAsync(delegatedRoleMember), AccessScopes.ViewAnalytics, false),
            new("bot owner", await scenario.SignInAsync(botOwnerId), GuildAccess.Full, true),
            new("the application's owner (Discord's word, no setting)", await scenario.SignInAsync(other.OwnerId), GuildAccess.Full, true),
            new("manager of another guild (IDOR)", await scenario.SignInAsync(otherManagerId), AccessScopes.None, false),
        ];

        var context = new MatrixContext(scenario, (long)guild.Id);
        var mismatches = new List<string>();
        foreach (var persona in personas)
        {
            foreach (var endpoint in Endpoints)
            {
                var expected = Expected(persona, endpoint);
                using var response = await persona.Browser.SendAsync(
                    endpoint.Method,
                    await endpoint.Path(context),
                    endpoint.Body is null ? null : await endpoint.Body(context));
                var allowed = response.IsSuccessStatusCode;
                if (expected is null ? !allowed : response.StatusCode != expected)
                {
                    mismatches.Add(
                        $"{persona.Name} × {endpoint.Name}: expected {(expected is null ? "2xx" : (int)expected)}, " +
                        $"got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                else if (!allowed)
                {
                    await ProblemAssert.IsProblemAsync(response, expected!.Value, $"{persona.Name} × {endpoint.Name}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
        foreach (var persona in personas)
        {
            persona.Browser.Dispose();
        }
    }

    /// <summary>Null when the persona may use the endpoint, else the status it must be refused with.</summary>
    private static HttpStatusCode? Expected(Persona persona, Endpoint endpoint) => endpoint.Gate switch
    {
        Gate.Public => null,
        _ when !persona.SignedIn => HttpStatusCode.Unauthorized,
        Gate.SignedIn => null,
        Gate.BotOwner => persona.IsBotOwner ? null : HttpStatusCode.Forbidden,
        _ when persona.RightsInGuild == AccessScopes.None => HttpStatusCode.NotFound,
        _ => (persona.RightsInGuild & endpoint.Scope) == endpoint.Scope ? null : HttpStatusCode.Forbidden,
    };

    // The emulator's application is owned by the first guild's owner; the configured bot owner is someone else.
    private static ulong BotOwner(IReadOnlyList<Platform.Discord.Models.Guild> guilds) => guilds[0].Members![3].User!.Id;

    private static Task<string> Guild(MatrixContext context, string path) => Task.FromResult($"/api/guilds/{context.GuildId}{path}");

    private static Task<object?> Body(object body) => Task.FromResult<object?>(body);

    private static async Task SeedBudgetAsync(MatrixContext context)
    {
        await using var db = context.Scenario.Db();
        if (!await db.LlmBudgets.AnyAsync(b => b.GuildId == context.GuildId))
        {
            db.LlmBudgets.Add(new LlmBudget { GuildId = context.GuildId, MonthlyLimitUsd = 10, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
    }

    private static async Task<long> SeedGrantAsync(MatrixContext context)
    {
        await using var db = context.Scenario.Db();
        var grant = new AccessGrant
        {
            GuildId = context.GuildId,
            SubjectType = GrantSubject.User,
            SubjectId = Random.Shared.NextInt64(1, long.MaxValue),
            Scopes = AccessScopes.ViewAnalytics,
        };
        db.AccessGrants.Add(grant);
        await db.SaveChangesAsync();
        return grant.Id;
    }
}
