using System.Text.Json;
using Platform.Bot.Telemetry;
using Platform.Contracts;
using Platform.Discord.Gateway;
using Platform.Discord.Json;
using Platform.Modules;
using StackExchange.Redis;

namespace Platform.Bot.Guilds;

/// <summary>
/// Tells the api, over Redis, the moment rights in a guild may have changed on Discord: a member's
/// roles or membership (GUILD_MEMBER_UPDATE and GUILD_MEMBER_REMOVE, with the GUILD_MEMBERS intent),
/// a role's permissions or its deletion, or the guild's owner. Dashboard access then follows within
/// seconds instead of when the api's copies expire. A message lost with Redis only means the api
/// waits for its copies to expire, as it would without the bot.
/// </summary>
public sealed partial class AccessChanges(IConnectionMultiplexer redis, BotIdentity identity, ILogger<AccessChanges> logger)
{
    public static bool Handles(string eventName) => eventName is GatewayEventNames.GuildMemberUpdate or GatewayEventNames.GuildMemberRemove
        or GatewayEventNames.GuildRoleUpdate or GatewayEventNames.GuildRoleDelete or GatewayEventNames.GuildUpdate;

    /// <summary>What the event changed, or null when it names no guild.</summary>
    /// <exception cref="JsonException">The event's data cannot be read.</exception>
    public static GuildAccessChanged? Read(GatewayDispatch dispatch) =>
        DispatchGuild.Find(dispatch) is { } guildId
            ? new GuildAccessChanged((long)guildId, dispatch.Name is GatewayEventNames.GuildMemberUpdate or GatewayEventNames.GuildMemberRemove
                ? (long?)dispatch.Deserialize(DiscordJsonContext.Default.GuildMember).User?.Id
                : null)
            : null;

    public async Task PublishAsync(GuildAccessChanged change, string eventName)
    {
        try
        {
            await redis
                .GetSubscriber()
                .PublishAsync(
                    RedisChannel.Literal(BotRedisKeys.GuildAccessChannel(identity.ApplicationId)),
                    change.Serialize());
            BotTelemetry.AccessChanges.Add(1, new KeyValuePair<string, object?>("discord.event", eventName));
        }
        catch (Exception error) when (RedisFailure.Is(error))
        {
            LogPublishFailed(error, change.GuildId);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Could not tell the api that rights in guild {GuildId} changed; it notices when its copies expire")]
    private partial void LogPublishFailed(Exception error, long guildId);
}
