namespace Platform.Bot;

/// <summary>The bot's <c>Bot</c> configuration section: which shards this process runs, and how it treats interactions and commands.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>The bot's total shard count across every process; unset takes Discord's recommendation.</summary>
    public int? TotalShards { get; set; }

    /// <summary>The shards this process runs, e.g. <c>0,1</c>; unset runs them all. Needs <see cref="TotalShards"/>.</summary>
    public int[]? ShardIds { get; set; }

    /// <summary>
    /// How many bot processes share the shards when they are started alike (Compose replicas); each runs
    /// the shards whose id modulo this count is its <see cref="ProcessIndex"/>. Needs <see cref="TotalShards"/>.
    /// </summary>
    public int ProcessCount { get; set; } = 1;

    /// <summary>This process's place among <see cref="ProcessCount"/>, from 0.</summary>
    public int ProcessIndex { get; set; }

    /// <summary>A handler still running this long after its interaction arrived is deferred, inside Discord's three seconds.</summary>
    public TimeSpan AutoDeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Interactions that may run at once before their first answer; more wait their turn. Enough for handlers
    /// that read the database before answering, few enough that a burst cannot make every one of them late.
    /// </summary>
    public int MaxUnansweredInteractions { get; set; } = 32;

    /// <summary>Registers the commands in these guilds instead of globally: guild commands update at once, which suits development.</summary>
    public ulong[]? CommandGuildIds { get; set; }

    /// <summary>Discord's identify interval per bucket; only a run against an emulator configured otherwise changes it.</summary>
    public TimeSpan IdentifyInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a shard's lease outlives a process that stopped renewing it (one that was killed).</summary>
    public TimeSpan ShardLeaseDuration { get; set; } = TimeSpan.FromSeconds(15);
}
