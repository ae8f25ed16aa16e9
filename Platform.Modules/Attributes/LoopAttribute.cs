namespace Platform.Modules.Attributes;

/// <summary>
/// Runs a module method every <paramref name="seconds"/> while the bot runs, like discord.py's
/// <c>@tasks.loop(seconds=…)</c>: first at start-up, then on each tick, each run in a DI scope of its own.
/// It may take a <c>CancellationToken</c>, cancelled when the bot stops. Every bot process runs it, so its
/// work must be safe to run twice at once: claim rows with <c>FOR UPDATE SKIP LOCKED</c> rather than read them.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class LoopAttribute(double seconds) : Attribute
{
    public TimeSpan Interval { get; } = TimeSpan.FromSeconds(seconds);
}
