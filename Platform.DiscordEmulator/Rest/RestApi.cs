namespace Platform.DiscordEmulator.Rest;

public static class RestApi
{
    /// <summary>
    /// Discord's REST API under /api/v10, rate limited like Discord's. Bot routes need the bot's
    /// token; interaction callbacks and webhooks are authorized by the token in their path.
    /// </summary>
    public static IEndpointRouteBuilder MapDiscordRestApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v10").AddEndpointFilter<RateLimitFilter>();
        var bot = api.MapGroup("").AddEndpointFilter<BotAuthorization>();

        bot.MapGatewayRestApi();
        bot.MapResourceApi();
        bot.MapCommandsApi();
        api.MapInteractionsApi();

        return routes;
    }
}
