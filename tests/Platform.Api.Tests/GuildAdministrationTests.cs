using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Access;
using Platform.Api.Audit;
using Platform.Api.Budgets;
using Platform.Api.Guilds;
using Platform.Api.Modules;
using Platform.Contracts;
using StackExchange.Redis;

namespace Platform.Api.Tests;

/// <summary>What a guild admin changes on the dashboard reaches the database, the audit log and the bot at once.</summary>
[Collection(ApiCollection.Name)]
public sealed class GuildAdministrationTests(ApiEnvironment environment)
{
    [Fact]
    public async Task Changing_a_module_is_validated_stored_audited_and_told_to_the_bot()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = scenario.Guilds[0];
        using var owner = await scenario.SignInAsync(guild.OwnerId);
        var told = await ListenAsync(BotRedisKeys.GuildModulesChannel(scenario.ApplicationId));

        var modules = await ProblemAssert.IsOkAsync<List<ModuleState>>(await owner.GetAsync($"/api/guilds/{guild.Id}/modules"));
        var tags = Assert.Single(modules, m => m.Name == "tags");
        Assert.Equal(200, tags.Settings!["max_tags"]!.GetValue<int>());
        Assert.Equal("integer", tags.SettingsSchema!["properties"]!["max_tags"]!["type"]!.GetValue<string>());

        var problem = await ProblemAssert.IsProblemAsync(
            await owner.SendAsync(
                HttpMethod.Put,
                $"/api/guilds/{guild.Id}/modules/tags",
                new { settings = new { max_tags = 5000 } }),
            HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("settings/max_tags", out _), problem.ToString());

        var changed = await ProblemAssert.IsOkAsync<ModuleState>(
            await owner.SendAsync(HttpMethod.Put, $"/api/guilds/{guild.Id}/modules/tags", new { enabled = false, settings = new { max_tags = 25 } }));

        Assert.False(changed.Enabled);
        Assert.Equal(25, changed.Settings!["max_tags"]!.GetValue<int>());
        Assert.Equal((long)guild.Id, GuildModulesChanged.TryParse(await told.Task.WaitAsync(TimeSpan.FromSeconds(10)))!.GuildId);
        await using var db = scenario.Db();
        var row = await db.GuildModules.SingleAsync(m => m.GuildId == (long)guild.Id && m.Module == "tags");
        Assert.False(row.Enabled);
        Assert.Equal((long)guild.OwnerId, row.UpdatedBy);
        var audit = await db.AuditLog.SingleAsync(e => e.GuildId == (long)guild.Id);
        Assert.Equal(("module.update", (long)guild.OwnerId, "tags"), (audit.Action, audit.ActorId, audit.TargetId));
        Assert.Null(audit.Before);
        Assert.Equal(25, JsonDocument.Parse(audit.After!).RootElement.GetProperty("settings").GetProperty("max_tags").GetInt32());
    }

    [Fact]
    public async Task A_budget_change_is_stored_audited_and_told_to_the_bot()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = scenario.Guilds[0];
        using var owner = await scenario.SignInAsync(guild.OwnerId);
        var told = await ListenAsync(BotRedisKeys.LlmBudgetsChannel(scenario.ApplicationId));
        await ProblemAssert.IsProblemAsync(await owner.GetAsync($"/api/guilds/{guild.Id}/llm/budget"), HttpStatusCode.NotFound);

        var budget = await ProblemAssert.IsOkAsync<BudgetView>(
            await owner.SendAsync(
                HttpMethod.Put,
                $"/api/guilds/{guild.Id}/llm/budget",
                new
                {
                    monthlyLimitUsd = 12.5m,
                    softThresholdPercent = 75,
                    perUserDailyLimitUsd = 0.000_5m,
                    alertChannelId = guild.Channels![0].Id.ToString(),
                }));

        Assert.Equal((12.5m, 75, 0.0005m), (budget.MonthlyLimitUsd, budget.SoftThresholdPercent, budget.PerUserDailyLimitUsd));
        Assert.Equal(guild.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), await told.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(12.5m, (await ProblemAssert.IsOkAsync<BudgetView>(await owner.GetAsync($"/api/guilds/{guild.Id}/llm/budget"))).MonthlyLimitUsd);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendAsync(HttpMethod.Delete, $"/api/guilds/{guild.Id}/llm/budget")).StatusCode);
        await using var db = scenario.Db();
        Assert.False(await db.LlmBudgets.AnyAsync(b => b.GuildId == (long)guild.Id));
        Assert.Equal(["llm_budget.update", "llm_budget.delete"], await db.AuditLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Someone_with_delegated_access_rights_cannot_hand_out_more_than_they_hold()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = scenario.Guilds[0];
        var deputy = guild.Members![6].User!.Id;
        using var owner = await scenario.SignInAsync(guild.OwnerId);
        var grant = await ProblemAssert.IsOkAsync<AccessGrantView>(await owner.SendAsync(HttpMethod.Post, $"/api/guilds/{guild.Id}/access-grants",
            new { subjectType = "user", subjectId = deputy.ToString(), scopes = new[] { "manage_access", "view_analytics" } }));
        using var browser = await scenario.SignInAsync(deputy);

        var refused = await ProblemAssert.IsProblemAsync(await browser.SendAsync(HttpMethod.Post, $"/api/guilds/{guild.Id}/access-grants",
            new { subjectType = "role", subjectId = guild.Roles![1].Id.ToString(), scopes = new[] { "manage_budgets" } }), HttpStatusCode.BadRequest);
        var granted = await browser.SendAsync(HttpMethod.Post, $"/api/guilds/{guild.Id}/access-grants",
            new { subjectType = "role", subjectId = guild.Roles![1].Id.ToString(), scopes = new[] { "view_analytics" } });

        Assert.True(refused.GetProperty("errors").TryGetProperty("scopes", out _));
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await browser.SendAsync(HttpMethod.Post, $"/api/guilds/{guild.Id}/access-grants",
            new { subjectType = "role", subjectId = guild.Roles![1].Id.ToString(), scopes = new[] { "view_analytics" } })).StatusCode);
        var list = await ProblemAssert.IsOkAsync<List<GuildListItem>>(await browser.GetAsync("/api/guilds"));
        Assert.Equal(["view_analytics", "manage_access"], Assert.Single(list).Rights);

        // Taking the deputy's grant back takes their access with it.
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await owner.SendAsync(HttpMethod.Delete, $"/api/guilds/{guild.Id}/access-grants/{grant.Id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(
            await browser.GetAsync($"/api/guilds/{guild.Id}/access-grants"),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Grants_and_the_audit_log_name_members_and_roles_as_the_guild_knows_them()
    {
        await using var scenario = await ApiScenario.StartAsync(environment);
        var guild = scenario.Guilds[0];
        var member = guild.Members![6];
        var role = guild.Roles![1];
        using var owner = await scenario.SignInAsync(guild.OwnerId);
        var grants = $"/api/guilds/{guild.Id}/access-grants";

        var created = await ProblemAssert.IsOkAsync<AccessGrantView>(
            await owner.SendAsync(
                HttpMethod.Post,
                grants,
                new
                {
                    subjectType = "user",
                    subjectId = member.User!.Id.ToString(),
                    scopes = new[] { "view_analytics" },
                }));
        await owner.SendAsync(
            HttpMethod.Post,
            grants,
            new
            {
                subjectType = "role",
                subjectId = role.Id.ToString(),
                scopes = new[] { "view_analytics" },
            });
        // A grant whose member has since left: Discord no longer knows a name for them.
        await using (var db = scenario.Db())
        {
            db.AccessGrants.Add(
                new Data.Access.AccessGrant
                {
                    GuildId = (long)guild.Id,
                    SubjectType = Data.Access.GrantSubject.User,
                    SubjectId = 123456789,
                    Scopes = Data.Access.AccessScopes.ViewAnalytics,
                    CreatedAt = DateTimeOffset.UtcNow,
                    UpdatedAt = DateTimeOffset.UtcNow,
                });
            await db.SaveChangesAsync();
        }

        var listed = await ProblemAssert.IsOkAsync<List<AccessGrantView>>(await owner.GetAsync(grants));
        var audit = await ProblemAssert.IsOkAsync<AuditPage>(await owner.GetAsync($"/api/guilds/{guild.Id}/audit-log"));

        var memberName = member.Nick ?? member.User.GlobalName ?? member.User.Username;
        Assert.Equal(memberName, created.SubjectName);
        Assert.Equal([memberName, role.Name, null], listed.Select(g => g.SubjectName));
        Assert.All(audit.Items, entry => Assert.Equal("Owner 0", entry.ActorName));
    }

    [Fact]
    public async Task The_guild_list_offers_an_invite_where_the_bot_is_missing_and_hides_guilds_without_rights()
    {
        await using var scenario = await ApiScenario.StartAsync(environment, new Dictionary<string, string?>(), "Guilds=4");
        var missing = scenario.Guilds[^1];
        var memberElsewhere = scenario.Guilds[0].Members![2].User!.Id;
        using var owner = await scenario.SignInAsync(missing.OwnerId);
        using var member = await scenario.SignInAsync(memberElsewhere);

        var item = Assert.Single(await ProblemAssert.IsOkAsync<List<GuildListItem>>(await owner.GetAsync("/api/guilds")));
        Assert.False(item.BotPresent);
        Assert.Contains($"guild_id={missing.Id}", item.InviteUrl, StringComparison.Ordinal);
        Assert.Contains("scope=bot%20applications.commands", item.InviteUrl, StringComparison.Ordinal);
        Assert.Empty(await ProblemAssert.IsOkAsync<List<GuildListItem>>(await member.GetAsync("/api/guilds")));
    }

    private async Task<TaskCompletionSource<string>> ListenAsync(string channel)
    {
        var message = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await environment.Redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(channel), (_, value) => message.TrySetResult(value.ToString()));
        return message;
    }
}
