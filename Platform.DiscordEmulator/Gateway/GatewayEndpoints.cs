namespace Platform.DiscordEmulator.Gateway;

public static class GatewayEndpoints
{
    /// <summary>The gateway WebSocket, and the separate address READY hands out for resuming.</summary>
    public static IEndpointRouteBuilder MapGatewayEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.Map("/gateway", (HttpContext http, GatewayConnectionHandler handler) => handler.HandleAsync(http, resumeEndpoint: false));
        routes.Map("/gateway/resume", (HttpContext http, GatewayConnectionHandler handler) => handler.HandleAsync(http, resumeEndpoint: true));
        return routes;
    }
}
