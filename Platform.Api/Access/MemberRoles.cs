using System.Globalization;
using Platform.Discord.Rest;
using StackExchange.Redis;

namespace Platform.Api.Access;

/// <summary>
/// A member's roles as the bot sees them: Discord gives the dashboard no roles with the user's token,
/// so role grants are resolved with the bot's. Kept a minute in Redis so that pages of requests make
/// one call, unless the bot reported a change to the guild's roles since they were read.
/// </summary>
public sealed class MemberRoles(DiscordRestClient discord, IConnectionMultiplexer redis, ApiRedisKeys keys, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    /// <param name="changedAt">When the bot last reported a change to rights in the guild; roles read before it are read again.</param>
    public async Task<IReadOnlyList<ulong>> GetAsync(ulong guildId, ulong userId, DateTimeOffset? changedAt, CancellationToken cancellationToken)
    {
        var key = keys.MemberRoles(guildId, userId);
        var cached = await redis.GetDatabase().StringGetAsync(key);
        if (!cached.IsNull && cached.ToString().Split('|') is [var readAt, var ids]
            && DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(readAt, CultureInfo.InvariantCulture)) > changedAt.GetValueOrDefault())
        {
            return [.. ids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => ulong.Parse(id, CultureInfo.InvariantCulture))];
        }

        var now = time.GetUtcNow();
        IReadOnlyList<ulong> roles;
        try
        {
            roles = (await discord.GetGuildMemberAsync(guildId, userId, cancellationToken)).Roles ?? [];
        }
        catch (DiscordApiException error) when (error.Status is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden)
        {
            roles = [];
        }

        await redis.GetDatabase().StringSetAsync(key, $"{now.ToUnixTimeMilliseconds()}|{string.Join(',', roles)}", CacheFor);
        return roles;
    }
}
