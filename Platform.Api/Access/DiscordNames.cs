using System.Globalization;
using Microsoft.Extensions.Caching.Hybrid;
using Platform.Discord.Rest;

namespace Platform.Api.Access;

/// <summary>
/// Names for the ids the dashboard shows: a member as the guild sees them (nickname, else display
/// name, else username) and roles by name, as the bot reads them. Kept ten minutes; an id Discord
/// does not know, or a Discord that cannot be asked, leaves the name out rather than failing the page.
/// </summary>
public sealed class DiscordNames(DiscordRestClient discord, HybridCache cache)
{
    private static readonly HybridCacheEntryOptions CacheFor = new()
    {
        Expiration = TimeSpan.FromMinutes(10),
        LocalCacheExpiration = TimeSpan.FromMinutes(10),
    };

    public async Task<IReadOnlyDictionary<long, string>> MemberNamesAsync(
        long guildId,
        IEnumerable<long> userIds,
        CancellationToken cancellationToken)
    {
        var names = new Dictionary<long, string>();
        foreach (var userId in userIds.Distinct())
        {
            var name = await cache.GetOrCreateAsync(
                string.Create(CultureInfo.InvariantCulture, $"discord:member-name:{guildId}:{userId}"),
                async token => await ReadOrNullAsync(async () =>
                {
                    var member = await discord.GetGuildMemberAsync((ulong)guildId, (ulong)userId, token);
                    return member.Nick ?? member.User?.GlobalName ?? member.User?.Username;
                }) ?? "",
                CacheFor,
                cancellationToken: cancellationToken);
            if (name.Length > 0)
            {
                names[userId] = name;
            }
        }

        return names;
    }

    public async Task<IReadOnlyDictionary<long, string>> RoleNamesAsync(long guildId, CancellationToken cancellationToken)
    {
        var roles = await cache.GetOrCreateAsync(
            string.Create(CultureInfo.InvariantCulture, $"discord:role-names:{guildId}"),
            async token =>
                await ReadOrNullAsync(async () =>
                    (await discord.GetGuildRolesAsync((ulong)guildId, token)).ToDictionary(r => (long)r.Id, r => r.Name)) ?? [],
            CacheFor,
            cancellationToken: cancellationToken);
        return roles;
    }

    private static async Task<T?> ReadOrNullAsync<T>(Func<Task<T?>> read) where T : class
    {
        try
        {
            return await read();
        }
        catch (Exception error) when (error is DiscordApiException or HttpRequestException)
        {
            return null;
        }
    }
}
