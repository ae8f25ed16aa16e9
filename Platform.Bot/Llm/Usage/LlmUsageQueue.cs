using System.Threading.Channels;
using Platform.Bot.Telemetry;
using Platform.Data.Llm;

namespace Platform.Bot.Llm.Usage;

/// <summary>
/// Where a call's usage record goes the moment the call ends: a bounded queue that the flusher
/// empties into Postgres in batches. Recording never waits on the database; a full queue means
/// Postgres is far behind, and the record goes to the spool instead of being dropped.
/// </summary>
public sealed class LlmUsageQueue(LlmSettings settings, LlmUsageSpool spool)
{
    private readonly Channel<LlmUsage> channel = Channel.CreateBounded<LlmUsage>(new BoundedChannelOptions(settings.QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    internal ChannelReader<LlmUsage> Reader => channel.Reader;

    public async ValueTask RecordAsync(LlmUsage usage)
    {
        BotTelemetry.LlmCost.Add(
            (double)usage.CostUsd,
            new KeyValuePair<string, object?>("gen_ai.request.model", usage.ModelRequested),
            new KeyValuePair<string, object?>("module", usage.Module));
        if (!channel.Writer.TryWrite(usage))
        {
            BotTelemetry.LlmUsageSpooled.Add(1);
            await spool.AppendAsync([usage], CancellationToken.None);
        }
    }

    /// <summary>Takes no more records; the flusher drains what is queued.</summary>
    internal void Complete() => channel.Writer.TryComplete();
}
