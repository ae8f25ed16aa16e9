using Microsoft.Extensions.Options;
using Platform.DiscordEmulator.Rest;
using Platform.DiscordEmulator.World;

namespace Platform.DiscordEmulator.OAuth2;

/// <summary>
/// GET /users/@me for the bot token (the bot's user) or a bearer token (the user who authorized it,
/// scope identify), and GET /users/@me/guilds for a bearer token with scope guilds.
/// </summary>
public static class CurrentUserApi
{
    public static IEndpointRouteBuilder MapCurrentUserApi(this IEndpointRouteBuilder api)
    {
        api.MapGet(
            "/users/@me",
            (
                HttpRequest request,
                EmulatorWorld world,
                OAuth2Grants grants,
                IOptions<EmulatorOptions> options,
                RestRateLimits limits) =>
            {
                if (request.Headers.Authorization == $"Bot {options.Value.BotToken}")
                {
                    return Results.Ok(world.BotUser);
                }

            return Bearer(request, grants, "identify") is { } token && world.FindUser(token.UserId) is { } user
                ? Results.Ok(user)
                : Refuse(limits);
        });

        api.MapGet("/users/@me/guilds", (HttpRequest request, EmulatorWorld world, OAuth2Grants grants, RestRateLimits limits) =>
            Bearer(request, grants, "guilds") is { } token ? Results.Ok(world.GuildsOf(token.UserId)) : Refuse(limits));

        return api;
    }

    /// <summary>The valid bearer token of the request, if it carries the scope.</summary>
    public static IssuedToken? Bearer(HttpRequest request, OAuth2Grants grants, string scope)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && grants.Find(header["Bearer ".Length..]) is { } token && token.Allows(scope)
            ? token
            : null;
    }

    private static IResult Refuse(RestRateLimits limits)
    {
        limits.RecordInvalid();
        return DiscordErrors.Unauthorized();
    }
}
