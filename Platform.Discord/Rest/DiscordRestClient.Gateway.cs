using Platform.Discord.Gateway;
using Platform.Discord.Models;

namespace Platform.Discord.Rest;

public sealed partial class DiscordRestClient
{
    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        SendAsync(RestRoute.Create(HttpMethod.Get, "gateway/bot"), Json.GatewayBotInfo, cancellationToken);

    public Task<User> GetCurrentUserAsync(CancellationToken cancellationToken) =>
        SendAsync(RestRoute.Create(HttpMethod.Get, "users/@me"), Json.User, cancellationToken);

    /// <summary>The bot's own application; its id is what commands and interactions are registered under.</summary>
    public Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken) =>
        SendAsync(RestRoute.Create(HttpMethod.Get, "applications/@me"), Json.Application, cancellationToken);
}
