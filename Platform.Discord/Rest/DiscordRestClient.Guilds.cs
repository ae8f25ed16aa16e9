using Platform.Discord.Models;

namespace Platform.Discord.Rest;

public sealed partial class DiscordRestClient
{
    public Task<Guild> GetGuildAsync(ulong guildId, CancellationToken cancellationToken) =>
        SendAsync(RestRoute.Create(HttpMethod.Get, "guilds/{guild_id}", guildId), Json.Guild, cancellationToken);

    public Task<GuildMember> GetGuildMemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        SendAsync(RestRoute.Create(HttpMethod.Get, "guilds/{guild_id}/members/{user_id}", guildId, userId), Json.GuildMember, cancellationToken);

    public Task<IReadOnlyList<Role>> GetGuildRolesAsync(ulong guildId, CancellationToken cancellationToken) =>
        SendAsync(RestRoute.Create(HttpMethod.Get, "guilds/{guild_id}/roles", guildId), Json.IReadOnlyListRole, cancellationToken);

    public Task<IReadOnlyList<Channel>> GetGuildChannelsAsync(ulong guildId, CancellationToken cancellationToken) =>
        SendAsync(RestRoute.Create(HttpMethod.Get, "guilds/{guild_id}/channels", guildId), Json.IReadOnlyListChannel, cancellationToken);

    public Task<Message> CreateMessageAsync(ulong channelId, MessageContent message, CancellationToken cancellationToken) =>
        SendAsync(RestRoute.Create(HttpMethod.Post, "channels/{channel_id}/messages", channelId),
            Json.Message, cancellationToken, Serialize(message, Json.MessageContent));
}
