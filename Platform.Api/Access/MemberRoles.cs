using System.Globalization;
using Platform.Discord.Rest;
using StackExchange.Redis;

namespace Platform.Api.Access;

/// <summary>
/// A member's roles as the bot sees them: Discord gives the dashboard no roles with the user's token,
/// so role grants are resolved with the bot's. Kept a minute in Redis so that pages of requests make one call.
/// </summary>
public sealed class MemberRoles(DiscordRestClient discord, IConnectionMultiplexer redis, ApiRedisKeys keys)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<ulong>> GetAsync(ulong guildId, ulong userId, CancellationToken cancellationToken)
    {
        var key = keys.MemberRoles(guildId, userId);
        var cached = await redis.GetDatabase().StringGetAsync(key);
        if (!cached.IsNull)
        {
            return [.. cached.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => ulong.Parse(id, CultureInfo.InvariantCulture))];
        }

        IReadOnlyList<ulong> roles;
        try
        {
            roles = (await discord.GetGuildMemberAsync(guildId, userId, cancellationToken)).Roles ?? [];
        }
        catch (DiscordApiException error) when (error.Status is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden)
        {
            roles = [];
        }

        await redis.GetDatabase().StringSetAsync(key, string.Join(',', roles), CacheFor);
        return roles;
    }
}
