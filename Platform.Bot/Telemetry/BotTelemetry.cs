using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Bot.Telemetry;

/// <summary>
/// The bot's own spans and metrics: guilds, shards, LLM usage and budgets. Interactions, listeners and command sync are
/// the module framework's (<c>Platform.Modules</c>).
/// </summary>
public static class BotTelemetry
{
    public const string Name = "Platform.Bot";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> GuildEvents = Meter.CreateCounter<long>(
        "bot.guilds.changes", "{change}", "Guild joins, updates and departures written to the database.");

    public static readonly Histogram<int> GuildRowsWritten = Meter.CreateHistogram<int>(
        "bot.guilds.write.rows", "{guild}", "Guild rows written in one round trip to the database.");

    public static readonly Counter<double> LlmCost = Meter.CreateCounter<double>(
        "bot.llm.cost", "USD", "What LLM calls cost, priced as they end, by model and module.");

    public static readonly Counter<long> LlmUsageWritten = Meter.CreateCounter<long>(
        "bot.llm.usage.written", "{record}", "LLM usage records written to Postgres (replays counted once).");

    public static readonly Counter<long> LlmUsageSpooled = Meter.CreateCounter<long>(
        "bot.llm.usage.spooled", "{record}", "LLM usage records put in the local spool because Postgres could not take them.");

    public static readonly Counter<long> LlmUsageReplayed = Meter.CreateCounter<long>(
        "bot.llm.usage.replayed", "{record}", "LLM usage records replayed from the spool into Postgres.");

    public static readonly Histogram<double> LlmUsageFlushDuration = Meter.CreateHistogram<double>(
        "bot.llm.usage.flush.duration", "ms", "Time to write one batch of LLM usage records and their rollups.");

    public static readonly Counter<long> LlmBudgetRefusals = Meter.CreateCounter<long>(
        "bot.llm.budget.refusals", "{call}", "LLM calls refused because a guild or member budget was spent, by limit.");

    public static readonly Counter<long> LlmBudgetAlertsRefused = Meter.CreateCounter<long>(
        "bot.llm.budget.alerts_refused", "{alert}", "Budget alerts not posted because the alert channel is not a text channel of the guild.");

    public static readonly Counter<long> AccessChanges = Meter.CreateCounter<long>(
        "bot.guilds.access_changes", "{change}", "Changes to members' roles, roles or owners told to the api, by gateway event.");

    public static readonly Counter<long> ShardsFenced = Meter.CreateCounter<long>(
        "bot.shards.fenced", "{shard}", "Shards stopped because their lease was lost or could not be renewed before it might expire.");

    public static readonly Counter<long> ShardsMoved = Meter.CreateCounter<long>(
        "bot.shards.moved", "{shard}", "Shards taken at home, adopted from a process that is gone, or handed back to their home process.");

    public static readonly Counter<long> LlmUnpricedCalls = Meter.CreateCounter<long>(
        "bot.llm.unpriced_calls", "{call}", "LLM calls to a model with no price, charged at the highest rates of any model, by model.");

    public static readonly Counter<long> LlmUsageDeadLettered = Meter.CreateCounter<long>(
        "bot.llm.usage.dead_lettered",
        "{record}",
        "LLM usage records Postgres refused for what they hold, set aside in the spool's dead-letter folder.");

    public static readonly Counter<long> LlmUsageFitted = Meter.CreateCounter<long>(
        "bot.llm.usage.fitted", "{record}", "LLM usage records whose text was cut to fit its columns before it was written.");
}
