using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Contracts;
using StackExchange.Redis;

namespace Platform.Api.Access;

/// <summary>Hears the bot report changes to rights on Discord, and stamps them for the next access checks.</summary>
public sealed partial class AccessChangeListener(
    IConnectionMultiplexer redis,
    AccessChangeStamps stamps,
    IOptions<DiscordAppSettings> discord,
    ILogger<AccessChangeListener> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(BotRedisKeys.GuildAccessChannel(discord.Value.ClientId)), async (_, message) =>
        {
            if (GuildAccessChanged.TryParse(message.ToString()) is not { } change)
            {
                return;
            }

            try
            {
                await stamps.RecordAsync(change);
                ApiTelemetry.AccessChanges.Add(1, new KeyValuePair<string, object?>("scope", change.UserId is null ? "guild" : "member"));
            }
            catch (Exception error) when (error is RedisException or RedisTimeoutException)
            {
                LogRecordFailed(error, change.GuildId);
            }
        });

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Could not note that rights in guild {GuildId} changed; sessions notice when their copies expire")]
    private partial void LogRecordFailed(Exception error, long guildId);
}
