using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Auth;
using Platform.Data;
using Platform.Data.Access;

namespace Platform.Api.Access;

/// <summary>
/// Guards every <c>/api/guilds/{guildId}</c> endpoint: the caller must hold <see cref="Required"/> in that
/// guild, and the bot must be in it. A guild the caller has no rights in answers 404, like one that does
/// not exist, so ids cannot be probed; one where they lack the scope answers 403 and names it.
/// </summary>
public sealed class GuildAccessFilter(AccessScopes required) : IEndpointFilter
{
    public const string RouteParameter = "guildId";

    public AccessScopes Required { get; } = required;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!TryParseGuildId(http.Request.RouteValues[RouteParameter] as string, out var guildId))
        {
            return TypedResults.Problem(
                title: "Invalid guild id",
                detail: "A guild id is a Discord snowflake: a positive 64-bit integer.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var services = http.RequestServices;
        // Rights the bot saw change on Discord since they were read are read again before they decide anything.
        var changedAt = await services.GetRequiredService<AccessChangeStamps>().ChangedAtAsync(guildId, http.Session().UserId);
        if (await http.GetFreshSessionAsync(changedAt) is not { } session)
        {
            return FreshSession.SignedOut();
        }

        var access = await services.GetRequiredService<GuildAccessResolver>().ResolveAsync(session, guildId, changedAt, http.RequestAborted);
        if (!access.Any)
        {
            ApiTelemetry.Refused("no_access");
            return UnknownGuild(guildId);
        }

        if (!access.Allows(Required))
        {
            ApiTelemetry.Refused("missing_scope");
            return TypedResults.Problem(
                title: "Not allowed",
                detail: $"This needs the {Required} right in this guild: Manage Server in Discord, or a grant from a server admin.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var db = services.GetRequiredService<PlatformDbContext>();
        if (!await db.Guilds.AnyAsync(g => g.Id == (long)guildId && g.LeftAt == null, http.RequestAborted))
        {
            ApiTelemetry.Refused("bot_absent");
            return TypedResults.Problem(
                title: "The bot is not in this guild",
                detail: "Invite the bot first; GET /api/guilds lists the invite link.",
                statusCode: StatusCodes.Status404NotFound);
        }

        http.Features.Set(access);
        return await next(context);
    }

    public static bool TryParseGuildId(string? value, out ulong guildId) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out guildId) && guildId is > 0 and <= long.MaxValue;

    public static IResult UnknownGuild(ulong guildId) =>
        TypedResults.Problem(title: "Unknown guild", detail: $"No guild {guildId} that you can manage.", statusCode: StatusCodes.Status404NotFound);
}

public static class GuildAccessExtensions
{
    /// <summary>Requires <paramref name="scope"/> in the route's guild (<see cref="AccessScopes.None"/>: any right there).</summary>
    public static TBuilder RequireGuildAccess<TBuilder>(this TBuilder builder, AccessScopes scope) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new GuildAccessFilter(scope));

    /// <summary>The caller's rights in the route's guild; only behind <see cref="RequireGuildAccess{TBuilder}"/>.</summary>
    public static GuildAccess GuildAccess(this HttpContext context) =>
        context.Features.Get<GuildAccess>() ?? throw new InvalidOperationException("The endpoint does not require guild access.");
}
