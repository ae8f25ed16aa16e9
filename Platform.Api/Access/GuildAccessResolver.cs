using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Data;
using Platform.Data.Access;

namespace Platform.Api.Access;

/// <summary>
/// Works out a user's rights in a guild: all of them for bot owners and for the guild's owner,
/// Administrators and Manage Guild holders; otherwise what was granted to them or to one of their roles.
/// A user who has left the guild keeps no grant.
/// </summary>
public sealed class GuildAccessResolver(PlatformDbContext db, MemberRoles memberRoles, BotOwners botOwners)
{

    /// <param name="changedAt">When the bot last reported a change to the user's rights in the guild, if lately.</param>
    public async Task<GuildAccess> ResolveAsync(
        DashboardSession session,
        ulong guildId,
        DateTimeOffset? changedAt,
        CancellationToken cancellationToken)
    {
        using var activity = ApiTelemetry.ActivitySource.StartActivity("guild access");
        activity?.SetTag("discord.guild.id", guildId);
        var access = await ResolveCoreAsync(session, guildId, changedAt, cancellationToken);
        activity?.SetTag("platform.access.source", access.Source.ToString());
        return access;
    }

    private async Task<GuildAccess> ResolveCoreAsync(
        DashboardSession session,
        ulong guildId,
        DateTimeOffset? changedAt,
        CancellationToken cancellationToken)
    {
        if (await botOwners.IsOwnerAsync(session.UserId, cancellationToken))
        {
            return new GuildAccess(guildId, GuildAccess.Full, AccessSource.BotOwner);
        }

        var guild = session.Guilds.FirstOrDefault(g => g.Id == guildId);
        if (guild is null)
        {
            return GuildAccess.None(guildId);
        }

        if (guild.CanManage)
        {
            return new GuildAccess(guildId, GuildAccess.Full, AccessSource.Discord);
        }

        var grants = await db.AccessGrants.AsNoTracking()
            .Where(g => g.GuildId == (long)guildId && (g.SubjectType == GrantSubject.Role || g.SubjectId == (long)session.UserId))
            .Select(g => new { g.SubjectType, g.SubjectId, g.Scopes })
            .ToListAsync(cancellationToken);
        var scopes = grants.Where(g => g.SubjectType == GrantSubject.User).Aggregate(AccessScopes.None, (all, g) => all | g.Scopes);
        var roleGrants = grants.Where(g => g.SubjectType == GrantSubject.Role && (scopes | g.Scopes) != scopes).ToList();
        if (roleGrants.Count > 0)
        {
            var roles = await memberRoles.GetAsync(guildId, session.UserId, changedAt, cancellationToken);
            scopes = roleGrants.Where(g => roles.Contains((ulong)g.SubjectId)).Aggregate(scopes, (all, g) => all | g.Scopes);
        }

        return scopes == AccessScopes.None ? GuildAccess.None(guildId) : new GuildAccess(guildId, scopes, AccessSource.Grants);
    }
}
