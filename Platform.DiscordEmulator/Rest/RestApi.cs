using Platform.DiscordEmulator.OAuth2;

namespace Platform.DiscordEmulator.Rest;

public static class RestApi
{
    /// <summary>
    /// Discord's REST API under /api/v10, rate limited like Discord's. Bot routes need the bot's
    /// token; interaction callbacks and webhooks are authorized by the token in their path, and a user's routes by their bearer token.
    /// </summary>
    public static IEndpointRouteBuilder MapDiscordRestApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v10").AddEndpointFilter<RateLimitFilter>();
        var bot = api.MapGroup("").AddEndpointFilter<BotAuthorization>();

        bot.MapGatewayRestApi();
        bot.MapResourceApi();
        bot.MapCommandsApi();
        api.MapInteractionsApi();
        api.MapCurrentUserApi();

        // Discord documents no buckets for the token endpoint; sign-ins in tests must not queue behind one another.
        routes.MapGroup("/api/v10").MapOAuth2TokenApi();

        return routes;
    }
}
