using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Modules;

/// <summary>The module framework's spans and metrics: interactions, gateway event listeners, loops, guild caches and command registration.</summary>
internal static class ModuleTelemetry
{
    public const string Name = "Platform.Modules";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Interactions = Meter.CreateCounter<long>(
        "bot.interactions", "{interaction}", "Interactions handled, by module, handler and outcome.");

    public static readonly Histogram<double> InteractionDuration = Meter.CreateHistogram<double>(
        "bot.interaction.duration", "ms", "Time from receiving an interaction to its handler's end.");

    public static readonly UpDownCounter<long> InteractionsWaiting = Meter.CreateUpDownCounter<long>(
        "bot.interactions.waiting", "{interaction}", "Interactions received and waiting for a slot to run in (the bot is behind).");

    public static readonly Counter<long> AutoDeferrals = Meter.CreateCounter<long>(
        "bot.interactions.auto_deferred", "{interaction}", "Interactions deferred because their handler was still running.");

    public static readonly Counter<long> ListenerRuns = Meter.CreateCounter<long>(
        "bot.listener.runs", "{run}", "Gateway event listener runs, by module, event and outcome.");

    public static readonly Counter<long> LoopRuns = Meter.CreateCounter<long>(
        "bot.loop.runs", "{run}", "Runs of modules' [Loop] methods, by module, loop and outcome.");

    public static readonly Histogram<double> LoopDuration = Meter.CreateHistogram<double>(
        "bot.loop.duration", "ms", "How long one run of a module's [Loop] method took.");

    public static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>(
        "bot.cache.lookups", "{lookup}", "Lookups in a per-guild cache (module states, LLM budgets), by cache and result (hit, miss).");

    public static readonly ObservableGauge<int> CacheEntries = Meter.CreateObservableGauge(
        "bot.cache.entries", State.GuildCaches.Measure, "{guild}", "Guilds held in each per-guild cache.");

    public static readonly Counter<long> CommandOverwrites = Meter.CreateCounter<long>(
        "bot.commands.overwrites", "{overwrite}", "Bulk overwrites of the command set sent to Discord, by scope.");
}
