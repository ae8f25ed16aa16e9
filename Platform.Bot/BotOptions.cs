namespace Platform.Bot;

/// <summary>
/// The bot's <c>Bot</c> configuration section: which shards this process runs and how it paces them. How the modules
/// treat interactions and commands is <see cref="Platform.Modules.ModuleOptions"/>, read from the same section.
/// </summary>
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

    /// <summary>Discord's identify interval per bucket; only a run against an emulator configured otherwise changes it.</summary>
    public TimeSpan IdentifyInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a shard's lease outlives a process that stopped renewing it (one that was killed).</summary>
    public TimeSpan ShardLeaseDuration { get; set; } = TimeSpan.FromSeconds(15);
}
