using StackExchange.Redis;

namespace Platform.Api;

/// <summary>
/// The api's names in Redis, under <c>api:{application id}:</c> like the bot's under <c>bot:{application id}:</c>,
/// so that two deployments (or test runs) sharing a Redis never see each other's sessions.
/// </summary>
public sealed class ApiRedisKeys(ulong applicationId)
{
    private readonly string prefix = $"api:{applicationId}:";

    /// <summary>A session, by the hash of its cookie's value.</summary>
    public RedisKey Session(string idHash) => $"{prefix}session:{idHash}";

    /// <summary>Set of the hashes of a user's sessions.</summary>
    public RedisKey UserSessions(ulong userId) => $"{prefix}user:{userId}:sessions";

    public RedisKey SignIn(string state) => $"{prefix}sign-in:{state}";

    public RedisKey MemberRoles(ulong guildId, ulong userId) => $"{prefix}member-roles:{guildId}:{userId}";

    /// <summary>When rights in the guild last changed on Discord: for everyone in it, or for one member.</summary>
    public RedisKey AccessChanged(ulong guildId, ulong? userId) =>
        userId is { } id ? $"{prefix}access-changed:{guildId}:{id}" : $"{prefix}access-changed:{guildId}";

    public RedisKey DataProtectionKeys => $"{prefix}data-protection-keys";

    public string CacheInstance => $"{prefix}cache:";
}
