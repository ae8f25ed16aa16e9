using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Audit;
using Platform.Api.Auth;
using Platform.Data;
using Platform.Data.Access;

namespace Platform.Api.Access;

public static class AccessGrantsApi
{
    public static RouteGroupBuilder MapAccessGrantsApi(this RouteGroupBuilder guilds)
    {
        var grants = guilds
            .MapGroup($"/{{{GuildAccessFilter.RouteParameter}}}/access-grants")
            .WithTags("Access")
            .RequireGuildAccess(AccessScopes.ManageAccess);

        grants.MapGet("", ListAsync).WithSummary("Rights delegated in the guild, to users and to roles.");
        grants.MapPost("", CreateAsync).WithSummary("Delegates rights to a user or to everyone with a role.");
        grants.MapPut("/{grantId:long}", UpdateAsync).WithSummary("Changes a grant's rights.");
        grants.MapDelete("/{grantId:long}", DeleteAsync).WithSummary("Takes a grant back.");

        return guilds;
    }

    public static async Task<Ok<IReadOnlyList<AccessGrantView>>> ListAsync(
        long guildId,
        PlatformDbContext db,
        DiscordNames discordNames,
        CancellationToken cancellationToken)
    {
        var grants = await db
            .AccessGrants.AsNoTracking()
            .Where(g => g.GuildId == guildId)
            .OrderBy(g => g.Id)
            .ToListAsync(cancellationToken);
        var members = await discordNames.MemberNamesAsync(
            guildId,
            grants.Where(g => g.SubjectType == GrantSubject.User).Select(g => g.SubjectId),
            cancellationToken);
        var roles = grants.Any(g => g.SubjectType == GrantSubject.Role)
            ? await discordNames.RoleNamesAsync(guildId, cancellationToken)
            : new Dictionary<long, string>();
        return TypedResults.Ok<IReadOnlyList<AccessGrantView>>([
            .. grants.Select(g =>
                AccessGrantView.Of(
                    g,
                    (g.SubjectType == GrantSubject.User ? members : roles).GetValueOrDefault(g.SubjectId)))]);
    }

    public static async Task<Results<Created<AccessGrantView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        long guildId,
        AccessGrantRequest request,
        HttpContext http,
        PlatformDbContext db,
        DiscordNames discordNames,
        GrantSubjects subjects,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        GrantSubject? subject = request.SubjectType switch
        {
            "user" => GrantSubject.User,
            "role" => GrantSubject.Role,
            _ => null,
        };
        if (subject is null)
        {
            errors["subjectType"] = ["Either 'user' or 'role'."];
        }
        if (
            !ulong.TryParse(request.SubjectId, NumberStyles.None, CultureInfo.InvariantCulture, out var subjectId)
            || subjectId is 0 or > long.MaxValue)
        {
            errors["subjectId"] = ["A Discord user or role id."];
        }

        var scopes = ParseScopes(request.Scopes, http.GuildAccess(), errors);
        if (errors.Count > 0 || subject is not { } subjectType)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (
            await db.AccessGrants.AnyAsync(
                g => g.GuildId == guildId && g.SubjectType == subjectType && g.SubjectId == (long)subjectId,
                cancellationToken))
        {
            return TypedResults.Problem(
                title: "Grant exists",
                detail: "That user or role already has a grant here; change it instead.",
                statusCode: StatusCodes.Status409Conflict);
        }

        if (await subjects.RefusalAsync((ulong)guildId, subjectType, subjectId, cancellationToken) is { } refusal)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subjectId"] = [refusal] });
        }

        var now = time.GetUtcNow();
        var actor = http.Session().UserId;
        var grant = new AccessGrant
        {
            GuildId = guildId,
            SubjectType = subjectType,
            SubjectId = (long)subjectId,
            Scopes = scopes,
            GrantedBy = (long)actor,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.AccessGrants.Add(grant);
        db.Record(
            (ulong)guildId,
            actor,
            "access_grant.create",
            "access_grant",
            AccessGrantView.Target(grant),
            null,
            AccessGrantView.Audited(grant),
            now);
        await db.SaveChangesAsync(cancellationToken);
        var view = AccessGrantView.Of(grant, await SubjectNameAsync(discordNames, grant, cancellationToken));
        return TypedResults.Created($"/api/guilds/{guildId}/access-grants/{grant.Id}", view);
    }

    public static async Task<Results<Ok<AccessGrantView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long guildId,
        long grantId,
        AccessGrantUpdate request,
        HttpContext http,
        PlatformDbContext db,
        DiscordNames discordNames,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var scopes = ParseScopes(request.Scopes, http.GuildAccess(), errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await db.AccessGrants.FirstOrDefaultAsync(g => g.Id == grantId && g.GuildId == guildId, cancellationToken) is not { } grant)
        {
            return UnknownGrant(grantId);
        }

        if (BeyondCaller(grant, http.GuildAccess()) is { } beyond)
        {
            return beyond;
        }

        var before = AccessGrantView.Audited(grant);
        var now = time.GetUtcNow();
        grant.Scopes = scopes;
        grant.UpdatedAt = now;
        db.Record(
            (ulong)guildId,
            http.Session().UserId,
            "access_grant.update",
            "access_grant",
            AccessGrantView.Target(grant),
            before,
            AccessGrantView.Audited(grant),
            now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AccessGrantView.Of(grant, await SubjectNameAsync(discordNames, grant, cancellationToken)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long guildId, long grantId, HttpContext http, PlatformDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.AccessGrants.FirstOrDefaultAsync(g => g.Id == grantId && g.GuildId == guildId, cancellationToken) is not { } grant)
        {
            return UnknownGrant(grantId);
        }

        if (BeyondCaller(grant, http.GuildAccess()) is { } beyond)
        {
            return beyond;
        }

        db.AccessGrants.Remove(grant);
        db.Record(
            (ulong)guildId,
            http.Session().UserId,
            "access_grant.delete",
            "access_grant",
            AccessGrantView.Target(grant),
            AccessGrantView.Audited(grant),
            null,
            time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The scopes named; someone acting on a grant of their own cannot hand out more than they hold.</summary>
    private static AccessScopes ParseScopes(IReadOnlyList<string>? names, GuildAccess caller, Dictionary<string, string[]> errors)
    {
        var (scopes, unknown) = AccessScopeNames.Parse(names ?? []);
        if (unknown is not null)
        {
            errors["scopes"] = [$"Unknown right '{unknown}'. Known: {string.Join(", ", AccessScopeNames.Of(GuildAccess.Full))}."];
        }
        else if (scopes == AccessScopes.None)
        {
            errors["scopes"] = ["Name at least one right; to take all rights back, delete the grant."];
        }
        else if (!caller.Allows(scopes))
        {
            errors["scopes"] = [$"You can only grant rights you hold: {string.Join(", ", AccessScopeNames.Of(caller.Scopes))}."];
        }

        return scopes;
    }

    /// <summary>A delegate may only change or take back a grant within their own rights: never narrow or remove one that holds more.</summary>
    private static ProblemHttpResult? BeyondCaller(AccessGrant grant, GuildAccess caller) =>
        caller.Allows(grant.Scopes)
            ? null
            : TypedResults.Problem(
                title: "Grant beyond your rights",
                detail: $"This grant holds rights you do not have " +
                $"({string.Join(", ", AccessScopeNames.Of(grant.Scopes & ~caller.Scopes))}); only someone who holds them can change or remove it.",
                statusCode: StatusCodes.Status403Forbidden);

    private static async Task<string?> SubjectNameAsync(DiscordNames discordNames, AccessGrant grant, CancellationToken cancellationToken) =>
        grant.SubjectType == GrantSubject.User
            ? (await discordNames.MemberNamesAsync(grant.GuildId, [grant.SubjectId], cancellationToken)).GetValueOrDefault(grant.SubjectId)
            : (await discordNames.RoleNamesAsync(grant.GuildId, cancellationToken)).GetValueOrDefault(grant.SubjectId);

    private static ProblemHttpResult UnknownGrant(long grantId) =>
        TypedResults.Problem(title: "Unknown grant", detail: $"No grant {grantId} in this guild.", statusCode: StatusCodes.Status404NotFound);
}

public sealed record AccessGrantRequest(string? SubjectType, string? SubjectId, IReadOnlyList<string>? Scopes);

public sealed record AccessGrantUpdate(IReadOnlyList<string>? Scopes);

/// <param name="SubjectName">The member's or role's name as Discord has it now; null when Discord does not say.</param>
public sealed record AccessGrantView(
    string Id,
    string SubjectType,
    string SubjectId,
    string? SubjectName,
    IReadOnlyList<string> Scopes,
    string GrantedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static AccessGrantView Of(AccessGrant grant, string? subjectName = null) => new(
        grant.Id.ToString(CultureInfo.InvariantCulture), SnakeCaseEnumConverter<GrantSubject>.NameOf(grant.SubjectType),
        grant.SubjectId.ToString(CultureInfo.InvariantCulture), subjectName, AccessScopeNames.Of(grant.Scopes),
        grant.GrantedBy.ToString(CultureInfo.InvariantCulture), grant.CreatedAt, grant.UpdatedAt);

    /// <summary>What the audit log keeps of a grant: whom it is for and what it allows.</summary>
    public static object Audited(AccessGrant grant) => new { Subject = Target(grant), Scopes = AccessScopeNames.Of(grant.Scopes) };

    /// <summary>How the audit log names a grant: by whom it is for, which outlives the grant's row.</summary>
    public static string Target(AccessGrant grant) => $"{SnakeCaseEnumConverter<GrantSubject>.NameOf(grant.SubjectType)}:{grant.SubjectId}";
}
