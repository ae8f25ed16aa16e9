using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Contracts;
using StackExchange.Redis;

namespace Platform.Api.Realtime;

/// <summary>
/// Tells every bot process that something it caches changed. The change is already committed when this
/// runs, so a failed publish is logged, not reported: the bot's copies expire on their own within minutes.
/// </summary>
public sealed partial class BotNotifier(IConnectionMultiplexer redis, IOptions<DiscordAppSettings> discord, ILogger<BotNotifier> logger)
{
    private ulong ApplicationId => discord.Value.ClientId;

    public Task GuildModulesChangedAsync(ulong guildId) =>
        PublishAsync(BotRedisKeys.GuildModulesChannel(ApplicationId), new GuildModulesChanged((long)guildId).Serialize());

    public Task LlmBudgetChangedAsync(ulong guildId) =>
        PublishAsync(BotRedisKeys.LlmBudgetsChannel(ApplicationId), guildId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task PublishAsync(string channel, string message)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(channel), message);
        }
        catch (Exception error) when (error is RedisException or RedisTimeoutException)
        {
            LogPublishFailed(error, channel);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the bot on {Channel}; it picks the change up when its cache expires")]
    private partial void LogPublishFailed(Exception error, string channel);
}
