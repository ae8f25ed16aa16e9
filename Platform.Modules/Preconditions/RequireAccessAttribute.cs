using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Access;
using Platform.Discord.Models;
using Platform.Modules.Catalog;

namespace Platform.Modules.Preconditions;

/// <summary>
/// The member must hold <paramref name="permission"/> in Discord, or have been granted
/// <paramref name="scope"/> in this guild from the dashboard, to them or to one of their roles.
/// </summary>
public sealed class RequireAccessAttribute(AccessScopes scope, Permissions permission) : PreconditionAttribute
{
    public AccessScopes Scope { get; } = scope;

    public Permissions Permission { get; } = permission;

    public override async ValueTask<PreconditionResult> CheckAsync(InteractionContext context, HandlerInfo handler)
    {
        if (context.Permissions.Allows(Permission))
        {
            return PreconditionResult.Success;
        }

        if (context is { GuildId: { } guildId, Member: { } member })
        {
            var db = context.Services.GetRequiredService<PlatformDbContext>();
            var userId = (long)context.User.Id;
            var roleIds = member.Roles.Select(r => (long)r).ToList();
            var granted = await db.AccessGrants.AsNoTracking()
                .Where(g => g.GuildId == (long)guildId && (g.Scopes & Scope) == Scope)
                .AnyAsync(g => (g.SubjectType == GrantSubject.User && g.SubjectId == userId)
                    || (g.SubjectType == GrantSubject.Role && roleIds.Contains(g.SubjectId)), context.CancellationToken);
            if (granted)
            {
                return PreconditionResult.Success;
            }
        }

        return PreconditionResult.Fail(
            $"You need the {RequireUserPermissionAttribute.Describe(Permission)} permission, or access granted by a " +
            $"server admin on the dashboard, for this.");
    }
}
