using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Access;
using Platform.Api.Auth;

namespace Platform.Api.Me;

public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/me", GetMe)
            .RequireAuthorization()
            .WithTags("Auth")
            .WithSummary("The signed-in user, whether they own the bot, and the CSRF token for requests that change something.");
        return routes;
    }

    public static Ok<CurrentUser> GetMe(HttpContext http)
    {
        var session = http.Session();
        return TypedResults.Ok(
            new CurrentUser(
                session.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                session.Username,
                session.GlobalName,
                DiscordCdn.Avatar(session.UserId, session.Avatar),
                http.User.HasClaim(SessionAuthentication.RoleClaim, SessionAuthentication.BotOwnerPolicy),
                session.CsrfToken,
                session.ExpiresAt));
    }
}

public sealed record CurrentUser(
    string Id, string Username, string? GlobalName, string? AvatarUrl, bool IsBotOwner, string CsrfToken, DateTimeOffset SessionExpiresAt);
