using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Access;
using Platform.Data;
using Platform.Data.Access;

namespace Platform.Api.Audit;

public static partial class AuditLogApi
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapAuditLogApi(this RouteGroupBuilder guilds)
    {
        guilds.MapGet($"/{{{GuildAccessFilter.RouteParameter}}}/audit-log", ListAsync)
            .RequireGuildAccess(AccessScopes.ManageAccess)
            .WithTags("Audit")
            .WithSummary("Every change made to the guild through the platform, newest first; page with the returned cursor.");
        return guilds;
    }

    public static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(
        long guildId,
        PlatformDbContext db,
        DiscordNames discordNames,
        string? action,
        string? actorId,
        string? before,
        int? limit,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var actor = ParseId(actorId, "actorId", errors);
        var cursor = ParseId(before, "before", errors);
        if (limit is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"From 1 to {MaxPageSize}."];
        }

        if (action is { Length: > 0 } && !ActionName().IsMatch(action))
        {
            errors["action"] = ["An action as the log names it, such as module.update: lower-case letters, digits, '_' and '.'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.AuditLog.AsNoTracking().Where(e => e.GuildId == guildId);
        query = action is { Length: > 0 } ? query.Where(e => e.Action == action) : query;
        query = actor is { } by ? query.Where(e => e.ActorId == by) : query;
        query = cursor is { } id ? query.Where(e => e.Id < id) : query;
        var size = limit ?? 50;
        var entries = await query.OrderByDescending(e => e.Id).Take(size + 1).ToListAsync(cancellationToken);
        var actors = await discordNames.MemberNamesAsync(
            guildId,
            entries.Take(size).Select(e => e.ActorId),
            cancellationToken);
        var items = entries
            .Take(size)
            .Select(e => new AuditEntryView(
                e.Id.ToString(CultureInfo.InvariantCulture),
                e.ActorId.ToString(CultureInfo.InvariantCulture),
                actors.GetValueOrDefault(e.ActorId),
                e.Action,
                e.TargetType,
                e.TargetId,
                e.Before is null ? null : JsonDocument.Parse(e.Before).RootElement,
                e.After is null ? null : JsonDocument.Parse(e.After).RootElement,
                e.OccurredAt))
            .ToList();
        return TypedResults.Ok(new AuditPage(items, entries.Count > size ? items[^1].Id : null));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\A[a-z0-9_.]{1,64}\z")]
    private static partial System.Text.RegularExpressions.Regex ActionName();

    private static long? ParseId(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        errors[field] = ["A positive 64-bit integer."];
        return null;
    }
}

public sealed record AuditPage(IReadOnlyList<AuditEntryView> Items, string? NextCursor);

/// <param name="ActorName">The actor's name in the guild as Discord has it now; null when they left or Discord does not say.</param>
public sealed record AuditEntryView(
    string Id,
    string ActorId,
    string? ActorName,
    string Action,
    string TargetType,
    string? TargetId,
    JsonElement? Before,
    JsonElement? After,
    DateTimeOffset OccurredAt);
