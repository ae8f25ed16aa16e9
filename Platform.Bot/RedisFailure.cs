using StackExchange.Redis;

namespace Platform.Bot;

/// <summary>
/// What a Redis call throws when Redis is away or stalled: a <see cref="RedisException"/>, or a
/// <see cref="RedisTimeoutException"/>, which derives from <see cref="TimeoutException"/> and so slips
/// past a catch of <see cref="RedisException"/> alone.
/// </summary>
internal static class RedisFailure
{
    public static bool Is(Exception error) => error is RedisException or RedisTimeoutException;
}
