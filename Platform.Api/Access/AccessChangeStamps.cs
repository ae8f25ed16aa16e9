using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Contracts;
using StackExchange.Redis;

namespace Platform.Api.Access;

/// <summary>
/// When rights in a guild last changed on Discord, as the bot reported it: for everyone in the guild,
/// or for one member. A session's guild list or a member's cached roles read before that moment are
/// read again before they decide anything. Kept in Redis, so every api instance sees them, for as
/// long as the oldest copy they could overrule may live.
/// </summary>
public sealed class AccessChangeStamps(IConnectionMultiplexer redis, ApiRedisKeys keys, TimeProvider time, IOptions<DashboardSettings> settings)
{
    private TimeSpan KeepFor => settings.Value.GuildListMaxAge + MemberRoles.CacheFor;

    public Task RecordAsync(GuildAccessChanged change) =>
        redis
            .GetDatabase()
            .StringSetAsync(
                keys.AccessChanged((ulong)change.GuildId, (ulong?)change.UserId),
                time.GetUtcNow().ToUnixTimeMilliseconds(),
                KeepFor);

    /// <summary>The latest change to the user's rights in the guild, or null when none was reported lately.</summary>
    public async Task<DateTimeOffset?> ChangedAtAsync(ulong guildId, ulong userId)
    {
        var stamps = await redis.GetDatabase().StringGetAsync([keys.AccessChanged(guildId, null), keys.AccessChanged(guildId, userId)]);
        var latest = stamps.Where(s => s.HasValue).Select(s => long.Parse(s.ToString(), CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        return latest > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(latest) : null;
    }
}
