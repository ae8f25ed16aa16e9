using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;

namespace Platform.Api.Auth;

/// <summary>
/// Sessions in Redis, keyed by a hash of the cookie's value, with a sliding idle timeout capped by
/// the session's lifetime, and an index per user so that they can end all of their sessions at once.
/// </summary>
public sealed class SessionStore(
    IConnectionMultiplexer redis,
    ApiRedisKeys keys,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<DashboardSettings> settings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>A new random session id: what the cookie carries, never stored as such.</summary>
    public static string NewId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async Task CreateAsync(DashboardSession session)
    {
        var key = SessionKey(session.Id);
        var userKey = UserKey(session.UserId);
        var transaction = Db.CreateTransaction();
        _ = transaction.StringSetAsync(key, Serialize(session), TimeToLive(session));
        _ = transaction.SetAddAsync(userKey, Hash(session.Id));
        _ = transaction.KeyExpireAsync(userKey, settings.Value.SessionLifetime);
        await transaction.ExecuteAsync();
    }

    /// <summary>The live session for a cookie value, its idle timeout pushed back; null when it ended or never was.</summary>
    public async Task<DashboardSession?> FindAsync(string id)
    {
        var key = SessionKey(id);
        var json = await Db.StringGetSetExpiryAsync(key, settings.Value.SessionIdleTimeout);
        if (json.IsNullOrEmpty || JsonSerializer.Deserialize<DashboardSession>(json.ToString(), Json) is not { } session)
        {
            return null;
        }

        if (session.ExpiresAt <= time.GetUtcNow())
        {
            await Db.KeyDeleteAsync(key);
            return null;
        }

        // The idle timeout must not carry a session past its lifetime.
        if (session.ExpiresAt - time.GetUtcNow() < settings.Value.SessionIdleTimeout)
        {
            await Db.KeyExpireAsync(key, session.ExpiresAt.UtcDateTime);
        }

        return session with { Id = id };
    }

    /// <summary>Writes back a changed session (a refreshed guild list or token), keeping its expiry.</summary>
    public Task SaveAsync(DashboardSession session) =>
        Db.StringSetAsync(SessionKey(session.Id), Serialize(session), expiry: null, keepTtl: true, when: When.Exists);

    public async Task DeleteAsync(DashboardSession session)
    {
        var transaction = Db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(SessionKey(session.Id));
        _ = transaction.SetRemoveAsync(UserKey(session.UserId), Hash(session.Id));
        await transaction.ExecuteAsync();
    }

    /// <summary>Ends every session of the user, on every device; returns how many there were.</summary>
    public async Task<int> DeleteAllAsync(ulong userId)
    {
        var hashes = await Db.SetMembersAsync(UserKey(userId));
        var deleted = await Db.KeyDeleteAsync([.. hashes.Select(hash => keys.Session(hash.ToString())), UserKey(userId)]);
        return (int)Math.Max(0, deleted - 1);
    }

    private TimeSpan TimeToLive(DashboardSession session) =>
        TimeSpan.FromTicks(Math.Min(settings.Value.SessionIdleTimeout.Ticks, (session.ExpiresAt - time.GetUtcNow()).Ticks));

    private static string Serialize(DashboardSession session) => JsonSerializer.Serialize(session with { Id = "" }, Json);

    private RedisKey SessionKey(string id) => keys.Session(Hash(id));

    private RedisKey UserKey(ulong userId) => keys.UserSessions(userId);

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
