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

    public Task<Channel> GetChannelAsync(ulong channelId, CancellationToken cancellationToken) =>
        SendAsync(RestRoute.Create(HttpMethod.Get, "channels/{channel_id}", channelId), Json.Channel, cancellationToken);

    /// <summary>The channel, or null when it does not exist or the bot cannot see it (Discord's 404 and 403).</summary>
    public async Task<Channel?> FindChannelAsync(ulong channelId, CancellationToken cancellationToken)
    {
        try
        {
            return await GetChannelAsync(channelId, cancellationToken);
        }
        catch (DiscordApiException error) when (error.Status is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden)
        {
            return null;
        }
    }

    public Task<Message> CreateMessageAsync(ulong channelId, MessageContent message, CancellationToken cancellationToken) =>
        SendAsync(RestRoute.Create(HttpMethod.Post, "channels/{channel_id}/messages", channelId),
            Json.Message, cancellationToken, Serialize(message, Json.MessageContent));
}
