using System.Diagnostics;
using Npgsql;
using Platform.Bot.Telemetry;
using Platform.Data;
using Platform.Data.Llm;

namespace Platform.Bot.Llm.Usage;

/// <summary>
/// Writes batches of usage records to Postgres, and says whether Postgres was there to take them.
/// Each record is first made storable (<see cref="LlmUsageColumns.Fit"/>). A batch Postgres refuses
/// for what it holds, rather than for being away, is split until each record it refuses stands alone:
/// that record is set aside in the spool's dead-letter folder with a log line and a metric, and the
/// rest are written. One bad record never holds up the others, nor looks like an outage.
/// </summary>
public sealed partial class LlmUsageWriting(
    NpgsqlDataSource dataSource,
    LlmUsageSpool spool,
    TimeProvider time,
    ILogger<LlmUsageWriting> logger) : IAsyncDisposable
{
    private readonly LlmUsageBatchWriter writer = new(dataSource, time);

    /// <summary>Writes records never written before; false when Postgres is away and the batch must wait.</summary>
    public async Task<bool> WriteAsync(IReadOnlyCollection<LlmUsage> batch) =>
        await WriteOrSetAsideAsync(Fit(batch), onlyMissing: false) != Outcome.Unavailable;

    /// <summary>Writes what of a replayed batch is not there yet; false when Postgres is away.</summary>
    public async Task<bool> WriteMissingAsync(IReadOnlyCollection<LlmUsage> batch) =>
        await WriteOrSetAsideAsync(Fit(batch), onlyMissing: true) != Outcome.Unavailable;

    public ValueTask DisposeAsync() => writer.DisposeAsync();

    /// <summary>
    /// Writes the batch. When Postgres refuses it for what it holds rather than for being away, its
    /// halves are written apart, and so on, until each record it refuses stands alone: those are set
    /// aside and the rest flow. Halves go through the writer that skips records already written, so
    /// an outage in the middle leaves a batch that replays whole without counting anything twice.
    /// </summary>
    /// <param name="onlyMissing">Write through the statement that skips records already there, as for a replay.</param>
    private async Task<Outcome> WriteOrSetAsideAsync(IReadOnlyCollection<LlmUsage> batch, bool onlyMissing)
    {
        var (outcome, error) = await TryWriteAsync(batch, onlyMissing);
        // A key already taken means the records are there already (a batch written twice): only what is missing is written.
        if (outcome == Outcome.Conflict && !onlyMissing)
        {
            return await WriteOrSetAsideAsync(batch, onlyMissing: true);
        }

        if (outcome is Outcome.Written or Outcome.Unavailable)
        {
            return outcome;
        }

        if (batch.Count == 1)
        {
            await spool.SetAsideAsync(batch, CancellationToken.None);
            BotTelemetry.LlmUsageDeadLettered.Add(1);
            LogSetAside(error, batch.First().Id);
            return Outcome.Written;
        }

        var half = batch.Count / 2;
        foreach (var part in new[] { batch.Take(half).ToList(), batch.Skip(half).ToList() })
        {
            if (await WriteOrSetAsideAsync(part, onlyMissing: true) == Outcome.Unavailable)
            {
                return Outcome.Unavailable;
            }
        }

        return Outcome.Written;
    }

    private async Task<(Outcome Outcome, Exception? Error)> TryWriteAsync(IReadOnlyCollection<LlmUsage> batch, bool onlyMissing)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = BotTelemetry.ActivitySource.StartActivity("llm usage flush");
        activity?.SetTag("llm.usage.records", batch.Count);
        try
        {
            var written = await (
                onlyMissing
                    ? writer.WriteMissingAsync(batch, CancellationToken.None)
                    : writer.WriteAsync(batch, CancellationToken.None));
            BotTelemetry.LlmUsageWritten.Add(written);
            BotTelemetry.LlmUsageFlushDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return (Outcome.Written, null);
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.Message);
            switch (PostgresErrors.Classify(error))
            {
                case PostgresFailure.BadData:
                    return (Outcome.Refused, error);
                case PostgresFailure.Conflict:
                    return (Outcome.Conflict, error);
                default:
                    LogWriteFailed(error, batch.Count);
                    return (Outcome.Unavailable, error);
            }
        }
    }

    /// <summary>Makes each record storable (a provider's over-long model name or request id, a NUL) before it is written.</summary>
    private IReadOnlyCollection<LlmUsage> Fit(IReadOnlyCollection<LlmUsage> batch)
    {
        foreach (var usage in batch.Where(LlmUsageColumns.Fit))
        {
            BotTelemetry.LlmUsageFitted.Add(1);
            LogFitted(usage.Id);
        }

        return batch;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Postgres did not take {Count} LLM usage records; they wait in the spool")]
    private partial void LogWriteFailed(Exception error, int count);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Postgres refuses LLM usage record {Id}; it is set aside in the spool's dead-letter folder and the others go on")]
    private partial void LogSetAside(Exception? error, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM usage record {Id} held text its columns cannot: it was cut to fit")]
    private partial void LogFitted(Guid id);

    private enum Outcome
    {
        Written,
        /// <summary>Postgres refused what the batch holds.</summary>
        Refused,
        /// <summary>A key the batch writes is taken already.</summary>
        Conflict,
        Unavailable,
    }
}
