using Platform.Contracts;
using Platform.Modules.Commands;
using StackExchange.Redis;

namespace Platform.Modules.State;

/// <summary>
/// Listens on Redis for what the api tells the module system: a guild's modules changed (drop its cached copy),
/// or the commands must be registered again. After a lost connection every cached state is dropped, since
/// messages sent meanwhile are gone.
/// </summary>
internal sealed partial class ModuleSignals(
    IConnectionMultiplexer redis,
    BotIdentity identity,
    GuildModuleStates states,
    CommandSync commands,
    ILogger<ModuleSignals> logger)
{
    public async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        var subscriber = redis.GetSubscriber();
        var applicationId = identity.ApplicationId;
        await subscriber.SubscribeAsync(RedisChannel.Literal(BotRedisKeys.GuildModulesChannel(applicationId)), (_, message) =>
        {
            if (GuildModulesChanged.TryParse(message.ToString()) is { } changed)
            {
                states.Invalidate((ulong)changed.GuildId);
                LogInvalidated(changed.GuildId);
            }
        });
        await subscriber.SubscribeAsync(RedisChannel.Literal(BotRedisKeys.CommandResyncChannel(applicationId)), (_, _) =>
            _ = ResyncAsync(cancellationToken));
        redis.ConnectionRestored += (_, _) => states.InvalidateAll();
    }

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            await commands.SyncAsync(force: true, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            LogResyncFailed(error);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Module state of guild {GuildId} changed; cached copy dropped")]
    private partial void LogInvalidated(long guildId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering the commands again, as asked over Redis, failed")]
    private partial void LogResyncFailed(Exception error);
}
