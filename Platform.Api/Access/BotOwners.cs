using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Discord.Rest;

namespace Platform.Api.Access;

/// <summary>
/// Who owns the bot: whoever Discord says owns its application (the accepted members of its team,
/// else its owner, as discord.py's <c>is_owner</c> reads it), plus the ids in <c>Dashboard:BotOwners</c>.
/// Discord has no event for a change of the application's team, so its answer is kept only
/// <see cref="DashboardSettings.ApplicationOwnersMaxAge"/>; while Discord cannot be asked, only the configured owners count.
/// </summary>
public sealed partial class BotOwners(DiscordRestClient discord, HybridCache cache, IOptions<DashboardSettings> settings, ILogger<BotOwners> logger)
{
    public async ValueTask<bool> IsOwnerAsync(ulong userId, CancellationToken cancellationToken) =>
        settings.Value.BotOwnerIds.Contains(userId) || (await ApplicationOwnersAsync(cancellationToken)).Contains(userId);

    private async ValueTask<ulong[]> ApplicationOwnersAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await cache.GetOrCreateAsync(
                "discord:application-owners",
                async token => (await discord.GetCurrentApplicationAsync(token)).OwnerIds.ToArray(),
                new HybridCacheEntryOptions
                {
                    Expiration = settings.Value.ApplicationOwnersMaxAge,
                    LocalCacheExpiration = settings.Value.ApplicationOwnersMaxAge,
                },
                cancellationToken: cancellationToken);
        }
        catch (Exception error)
            when (error is HttpRequestException or DiscordApiException
                || error is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogApplicationUnreadable(error.Message);
            return [];
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Discord did not say who owns the application ({Reason}); only Dashboard:BotOwners count for now")]
    private partial void LogApplicationUnreadable(string reason);
}
