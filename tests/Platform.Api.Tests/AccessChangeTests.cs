using System.Net;
using Platform.Data.Access;
using Platform.DiscordEmulator.Control;

namespace Platform.Api.Tests;

/// <summary>Rights lost on Discord are lost on the dashboard within seconds: the bot reports the change, the api reads the rights again.</summary>
[Collection(ApiCollection.Name)]
public sealed class AccessChangeTests(ApiEnvironment environment)
{
    private static readonly TimeSpan WithinSeconds = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Losing_Manage_Server_a_granted_role_or_membership_on_Discord_ends_dashboard_access_within_seconds()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = scenario.Guilds[0];
        var (manageRole, grantedRole) = (guild.Roles![2].Id, guild.Roles![1].Id);
        var byRole = await scenario.AddMemberAsync(guild, "manager", manageRole);
        var byGrantedRole = await scenario.AddMemberAsync(guild, "role-holder", grantedRole);
        var byGrant = await scenario.AddMemberAsync(guild, "grantee");
        var byRolePermissions = await scenario.AddMemberAsync(guild, "other-manager", manageRole);
        await using (var db = scenario.Db())
        {
            db.AccessGrants.AddRange(
                new AccessGrant
                {
                    GuildId = (long)guild.Id,
                    SubjectType = GrantSubject.Role,
                    SubjectId = (long)grantedRole,
                    Scopes = AccessScopes.ViewAnalytics,
                },
                new AccessGrant
                {
                    GuildId = (long)guild.Id,
                    SubjectType = GrantSubject.User,
                    SubjectId = (long)byGrant,
                    Scopes = AccessScopes.ViewAnalytics,
                });
            await db.SaveChangesAsync();
        }

        await scenario.StartBotAsync();
        var usage = $"/api/guilds/{guild.Id}/llm/usage";
        using var manager = await scenario.SignInAsync(byRole);
        using var roleHolder = await scenario.SignInAsync(byGrantedRole);
        using var grantee = await scenario.SignInAsync(byGrant);
        foreach (var browser in new[] { manager, roleHolder, grantee })
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(usage)).StatusCode);
        }

        await scenario.Emulator.PatchAsync($"/control/guilds/{guild.Id}/members/{byRole}", new MemberRolesRequest([]));
        await scenario.Emulator.PatchAsync($"/control/guilds/{guild.Id}/members/{byGrantedRole}", new MemberRolesRequest([]));
        await scenario.Emulator.DeleteAsync($"/control/guilds/{guild.Id}/members/{byGrant}");

        foreach (var (name, browser) in new[] { ("lost Manage Server", manager), ("lost the granted role", roleHolder), ("left the guild", grantee) })
        {
            await Eventually.TrueAsync(
                async () => (await browser.GetAsync(usage)).StatusCode == HttpStatusCode.NotFound,
                $"the member who {name} refused",
                WithinSeconds);
        }

        // A role's permissions changed for everyone who holds it.
        using var otherManager = await scenario.SignInAsync(byRolePermissions);
        Assert.Equal(HttpStatusCode.OK, (await otherManager.GetAsync(usage)).StatusCode);
        await scenario.Emulator.PatchAsync(
            $"/control/guilds/{guild.Id}/roles/{manageRole}",
            new RolePermissionsRequest("0"));
        await Eventually.TrueAsync(
            async () => (await otherManager.GetAsync(usage)).StatusCode == HttpStatusCode.NotFound,
            "the role's holders refused",
            WithinSeconds);
    }

    [Fact]
    public async Task A_deleted_role_takes_its_grant_with_it_within_seconds()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = scenario.Guilds[0];
        var role = guild.Roles![1].Id;
        var holder = await scenario.AddMemberAsync(guild, "holder", role);
        await using (var db = scenario.Db())
        {
            db.AccessGrants.Add(
                new AccessGrant
                {
                    GuildId = (long)guild.Id,
                    SubjectType = GrantSubject.Role,
                    SubjectId = (long)role,
                    Scopes = AccessScopes.ViewAnalytics,
                });
            await db.SaveChangesAsync();
        }

        await scenario.StartBotAsync();
        using var browser = await scenario.SignInAsync(holder);
        var usage = $"/api/guilds/{guild.Id}/llm/usage";
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(usage)).StatusCode);

        await scenario.Emulator.DeleteAsync($"/control/guilds/{guild.Id}/roles/{role}");

        await Eventually.TrueAsync(
            async () => (await browser.GetAsync(usage)).StatusCode == HttpStatusCode.NotFound,
            "the deleted role's grant ignored",
            WithinSeconds);
    }

    [Fact]
    public async Task Someone_who_no_longer_owns_the_application_loses_the_bot_owners_pages_within_the_configured_age()
    {
        await using var scenario = await ApiScenario.StartAsync(
            environment,
            new Dictionary<string, string?> { ["Dashboard:ApplicationOwnersMaxAge"] = "00:00:01" });
        var guild = scenario.Guilds[0];
        using var owner = await scenario.SignInAsync(guild.OwnerId);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/platform/shards")).StatusCode);

        await scenario.Emulator.PostAsync("/control/application/owner", new TransferRequest(guild.Members![1].User!.Id));

        await Eventually.TrueAsync(
            async () => (await owner.GetAsync("/api/platform/shards")).StatusCode == HttpStatusCode.Forbidden,
            "the former owner refused",
            WithinSeconds);
    }
}
