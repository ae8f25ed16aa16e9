using Microsoft.Extensions.Options;
using Platform.Discord.Gateway;
using Platform.DiscordEmulator.Gateway;

namespace Platform.DiscordEmulator.Rest;

public static class GatewayRestApi
{
    /// <summary>GET /gateway and /gateway/bot; the URLs carry no query string, as Discord's do.</summary>
    public static IEndpointRouteBuilder MapGatewayRestApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/gateway", (HttpRequest request) => TypedResults.Ok(new GatewayInfo(GatewayUrls.Connect(request))));

        api.MapGet("/gateway/bot", (HttpRequest request, SessionRegistry registry, IOptions<EmulatorOptions> options) =>
        {
            var settings = options.Value;
            var limit = new SessionStartLimit(
                settings.SessionStartTotal,
                Math.Max(0, registry.SessionStartsRemaining),
                86_400_000,
                settings.MaxConcurrency);
            return TypedResults.Ok(new GatewayBotInfo(GatewayUrls.Connect(request), settings.Shards, limit));
        });

        return api;
    }

}
