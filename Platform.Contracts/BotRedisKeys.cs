namespace Platform.Contracts;

/// <summary>
/// The Redis keys and channels the bot and the api share. Each bot application's names sit under
/// <c>bot:{application id}:</c>, so that several bots (or test runs) can share one Redis.
/// </summary>
public static class BotRedisKeys
{
    /// <summary>Hash of shard id to <see cref="ShardStatusDocument"/> JSON.</summary>
    public static string ShardStatus(ulong applicationId) => $"bot:{applicationId}:shards";

    /// <summary>Held by the process that runs the shard; it expires when that process dies.</summary>
    public static string ShardLease(ulong applicationId, int shardId) => $"bot:{applicationId}:shard:{shardId}:lease";

    /// <summary>
    /// Held by the process whose home the shard is (by its <c>Bot:ShardIds</c> or <c>Bot:ProcessIndex</c>) while it
    /// runs: a shard without one is an orphan that any process may adopt, and an adopted shard whose home process is
    /// back is handed back to it.
    /// </summary>
    public static string ShardHome(ulong applicationId, int shardId) => $"bot:{applicationId}:shard:{shardId}:home";

    /// <summary>Hash of the shard's last session, sequence and guilds, from which the next process to run it resumes.</summary>
    public static string ShardHandover(ulong applicationId, int shardId) => $"bot:{applicationId}:shard:{shardId}:session";

    /// <summary>Held for the identify interval after an IDENTIFY in the bucket, by whichever process sent it.</summary>
    public static string IdentifyBucket(ulong applicationId, int bucket) => $"bot:{applicationId}:identify:{bucket}";

    /// <summary>The hash of the command set last registered in a scope: globally, or in one guild.</summary>
    public static string CommandSetHash(ulong applicationId, ulong? guildId) =>
        $"bot:{applicationId}:commands:{(guildId is { } id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "global")}";

    /// <summary>Held by the one process registering the command set in a scope, so that processes started together register it once.</summary>
    public static string CommandSyncClaim(ulong applicationId, ulong? guildId) => $"{CommandSetHash(applicationId, guildId)}:claim";

    /// <summary>JSON list of <see cref="ModuleDescriptor"/>: the modules the running bot has, written at its start.</summary>
    public static string ModuleCatalog(ulong applicationId) => $"bot:{applicationId}:modules";

    /// <summary>Channel of <see cref="GuildModulesChanged"/> messages: a guild's module state changed in the database.</summary>
    public static string GuildModulesChannel(ulong applicationId) => $"bot:{applicationId}:guild-modules";

    /// <summary>
    /// Channel of <see cref="GuildAccessChanged"/> messages, from the bot to the api: rights in a guild may have
    /// changed on Discord.
    /// </summary>
    public static string GuildAccessChannel(ulong applicationId) => $"bot:{applicationId}:guild-access";

    /// <summary>Channel on which any message makes the bot register its commands again, even if unchanged.</summary>
    public static string CommandResyncChannel(ulong applicationId) => $"bot:{applicationId}:commands:resync";

    /// <summary>Channel of guild ids whose LLM budget changed in the database.</summary>
    public static string LlmBudgetsChannel(ulong applicationId) => $"bot:{applicationId}:llm-budgets";

    /// <summary>A guild's LLM spend this month (UTC), in billionths of a dollar.</summary>
    public static string LlmGuildSpend(ulong applicationId, ulong guildId, DateTimeOffset at) =>
        $"bot:{applicationId}:llm:spend:{guildId}:{at.UtcDateTime:yyyyMM}";

    /// <summary>A member's LLM spend in a guild today (UTC), in billionths of a dollar.</summary>
    public static string LlmMemberSpend(ulong applicationId, ulong guildId, ulong userId, DateTimeOffset at) =>
        $"bot:{applicationId}:llm:spend:{guildId}:user:{userId}:{at.UtcDateTime:yyyyMMdd}";

    /// <summary>Set by whichever bot process first saw the guild pass its soft limit this month, so the alert goes out once.</summary>
    public static string LlmSoftLimitAlerted(ulong applicationId, ulong guildId, DateTimeOffset at) =>
        $"bot:{applicationId}:llm:soft-alerted:{guildId}:{at.UtcDateTime:yyyyMM}";
}
