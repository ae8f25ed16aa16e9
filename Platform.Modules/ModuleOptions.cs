namespace Platform.Modules;

/// <summary>
/// How the module framework treats interactions and commands. It is read from the host's <c>Bot</c> section, beside the
/// shard settings, so that an operator configures the bot in one place.
/// </summary>
public sealed class ModuleOptions
{
    public const string Section = "Bot";

    /// <summary>A handler still running this long after its interaction arrived is deferred, inside Discord's three seconds.</summary>
    public TimeSpan AutoDeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Interactions that may run at once before their first answer; more wait their turn. Enough for handlers
    /// that read the database before answering, few enough that a burst cannot make every one of them late.
    /// </summary>
    public int MaxUnansweredInteractions { get; set; } = 32;

    /// <summary>Registers the commands in these guilds instead of globally: guild commands update at once, which suits development.</summary>
    public ulong[]? CommandGuildIds { get; set; }
}
