using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Access;
using Platform.Api.Analytics;
using Platform.Api.Auth;
using Platform.Data;
using Platform.Data.Access;

namespace Platform.Api.Guilds;

public static class GuildsApi
{
    public static RouteGroupBuilder MapGuildsApi(this IEndpointRouteBuilder routes)
    {
        var guilds = routes.MapGroup("/api/guilds").WithTags("Guilds").RequireAuthorization().AddEndpointFilter<CsrfProtection>();

        guilds.MapGet("", ListAsync)
            .WithSummary("Guilds the user can manage where the bot is, and those they could invite it to.");
        guilds.MapGet($"/{{{GuildAccessFilter.RouteParameter}}}", GetAsync)
            .RequireGuildAccess(AccessScopes.None)
            .WithSummary("A guild's overview and the caller's rights in it.");

        return guilds;
    }

    public static async Task<Results<Ok<IReadOnlyList<GuildListItem>>, ProblemHttpResult>> ListAsync(
        HttpContext http,
        PlatformDbContext db,
        GuildAccessResolver resolver,
        BotOwners botOwners,
        IOptions<DiscordAppSettings> discord,
        IOptions<DashboardSettings> dashboard,
        CancellationToken cancellationToken)
    {
        if (await http.GetFreshSessionAsync() is not { } session)
        {
            return FreshSession.SignedOut();
        }

        var ids = session.Guilds.Select(g => (long)g.Id).ToList();
        var present = await db
            .Guilds.AsNoTracking()
            .Where(g => ids.Contains(g.Id) && g.LeftAt == null)
            .Select(g => g.Id)
            .ToListAsync(cancellationToken);
        var granted = await db
            .AccessGrants.AsNoTracking()
            .Where(g => ids.Contains(g.GuildId))
            .Select(g => g.GuildId)
            .Distinct()
            .ToListAsync(cancellationToken);

        var botOwner = await botOwners.IsOwnerAsync(session.UserId, cancellationToken);
        var items = new List<GuildListItem>();
        foreach (var guild in session.Guilds.Where(g => g.CanManage || granted.Contains((long)g.Id) || botOwner))
        {
            var access = await resolver.ResolveAsync(session, guild.Id, changedAt: null, cancellationToken);
            var botPresent = present.Contains((long)guild.Id);
            if (!access.Any || (!botPresent && !guild.CanManage))
            {
                continue;
            }

            items.Add(new GuildListItem(
                guild.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), guild.Name, DiscordCdn.GuildIcon((long)guild.Id, guild.Icon),
                botPresent, AccessScopeNames.Of(access.Scopes),
                botPresent ? null : InviteUrl(discord.Value, dashboard.Value, guild.Id)));
        }

        return TypedResults.Ok<IReadOnlyList<GuildListItem>>([
            .. items.OrderByDescending(i => i.BotPresent).ThenBy(i => i.Name, StringComparer.CurrentCultureIgnoreCase)]);
    }

    public static async Task<Ok<GuildOverview>> GetAsync(
        long guildId,
        HttpContext http,
        PlatformDbContext db,
        UsageReports usage,
        CancellationToken cancellationToken)
    {
        var guild = await db.Guilds.AsNoTracking().SingleAsync(g => g.Id == guildId, cancellationToken);
        var month = await usage.MonthToDateAsync(guildId, cancellationToken);
        var access = http.GuildAccess();
        return TypedResults.Ok(new GuildOverview(
            guildId.ToString(System.Globalization.CultureInfo.InvariantCulture), guild.Name, DiscordCdn.GuildIcon(guildId, guild.IconHash),
            guild.MemberCount, guild.ShardId, guild.JoinedAt, AccessScopeNames.Of(access.Scopes), access.Source.ToString().ToLowerInvariant(),
            month.SpentUsd, month.BudgetUsd));
    }

    private static string InviteUrl(DiscordAppSettings discord, DashboardSettings dashboard, ulong guildId) =>
        $"{discord.AuthorizeEndpoint}?client_id={discord.ClientId}&scope=bot%20applications.commands" +
        $"&permissions={dashboard.InvitePermissions}&guild_id={guildId}&disable_guild_select=true";
}

public sealed record GuildListItem(string Id, string Name, string? IconUrl, bool BotPresent, IReadOnlyList<string> Rights, string? InviteUrl);

public sealed record GuildOverview(
    string Id, string Name, string? IconUrl, int MemberCount, int ShardId, DateTimeOffset JoinedAt,
    IReadOnlyList<string> Rights, string RightsFrom, decimal LlmSpentThisMonthUsd, decimal? LlmMonthlyBudgetUsd);
