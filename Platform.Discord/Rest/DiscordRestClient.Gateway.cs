using Platform.Discord.Gateway;
using Platform.Discord.Models;

namespace Platform.Discord.Rest;

public sealed partial class DiscordRestClient
{
    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        SendAsync(RestRoute.Create(HttpMethod.Get, "gateway/bot"), Json.GatewayBotInfo, cancellationToken);

    public Task<User> GetCurrentUserAsync(CancellationToken cancellationToken) =>
        SendAsync(RestRoute.Create(HttpMethod.Get, "users/@me"), Json.User, cancellationToken);
}
