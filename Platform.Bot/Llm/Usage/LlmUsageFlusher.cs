using System.Diagnostics;
using Npgsql;
using Platform.Bot.Telemetry;
using Platform.Data.Llm;

namespace Platform.Bot.Llm.Usage;

/// <summary>
/// Moves usage records from the queue to Postgres: whatever has queued while the last batch was
/// written becomes the next batch, so a record waits at most one batch write. A batch Postgres
/// cannot take goes to the spool, and the spool is offered again every few seconds until it is
/// empty. At shutdown the queue is drained to Postgres, or to the spool if Postgres is away.
/// </summary>
public sealed partial class LlmUsageFlusher(
    LlmUsageQueue queue,
    LlmUsageSpool spool,
    NpgsqlDataSource dataSource,
    LlmSettings settings,
    TimeProvider time,
    ILogger<LlmUsageFlusher> logger) : BackgroundService
{
    private readonly LlmUsageBatchWriter writer = new(dataSource, time);
    private long lastSpoolAttempt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = queue.Reader;
        var batch = new List<LlmUsage>(settings.MaxBatchSize);
        try
        {
            // Only the wait is cancelled at shutdown: a write under way finishes, or its batch is spooled.
            while (await WaitForWorkAsync(stoppingToken))
            {
                await ReplaySpoolIfDueAsync();
                while (batch.Count < settings.MaxBatchSize && reader.TryRead(out var usage))
                {
                    batch.Add(usage);
                }

                if (batch.Count > 0)
                {
                    await FlushAsync(batch);
                    batch.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync drains what is still queued.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        queue.Complete();
        var rest = new List<LlmUsage>();
        while (queue.Reader.TryRead(out var usage))
        {
            rest.Add(usage);
        }

        foreach (var chunk in rest.Chunk(settings.MaxBatchSize))
        {
            await FlushAsync(chunk);
        }

        await ReplaySpoolAsync();
        await writer.DisposeAsync();
    }

    /// <summary>Waits for a record, but wakes for the spool's next retry while it holds records.</summary>
    private async Task<bool> WaitForWorkAsync(CancellationToken stoppingToken)
    {
        if (spool.IsEmpty)
        {
            return await queue.Reader.WaitToReadAsync(stoppingToken);
        }

        using var retry = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        retry.CancelAfter(settings.SpoolRetryInterval);
        try
        {
            return await queue.Reader.WaitToReadAsync(retry.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return true;
        }
    }

    private async Task FlushAsync(IReadOnlyCollection<LlmUsage> batch)
    {
        // While the spool holds records Postgres was away a moment ago: the batch joins the spool
        // rather than make every call wait out a connection timeout.
        if (!spool.IsEmpty || !await TryWriteAsync(batch, writer.WriteAsync))
        {
            await spool.AppendAsync(batch, CancellationToken.None);
            BotTelemetry.LlmUsageSpooled.Add(batch.Count);
        }
    }

    private async Task<bool> TryWriteAsync(IReadOnlyCollection<LlmUsage> batch, Func<IReadOnlyCollection<LlmUsage>, CancellationToken, Task<int>> write)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = BotTelemetry.ActivitySource.StartActivity("llm usage flush");
        activity?.SetTag("llm.usage.records", batch.Count);
        try
        {
            var written = await write(batch, CancellationToken.None);
            BotTelemetry.LlmUsageWritten.Add(written);
            BotTelemetry.LlmUsageFlushDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return true;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.Message);
            LogWriteFailed(error, batch.Count);
            return false;
        }
    }

    private async Task ReplaySpoolIfDueAsync()
    {
        if (!spool.IsEmpty && time.GetElapsedTime(lastSpoolAttempt) >= settings.SpoolRetryInterval)
        {
            await ReplaySpoolAsync();
        }
    }

    private async Task ReplaySpoolAsync()
    {
        lastSpoolAttempt = time.GetTimestamp();
        foreach (var file in spool.Files())
        {
            if (await LlmUsageSpool.ReadAsync(file, CancellationToken.None) is not { } batch)
            {
                continue;
            }

            // Its commit may have happened with the answer lost: only what is missing is written.
            if (!await TryWriteAsync(batch, writer.WriteMissingAsync))
            {
                return;
            }

            LlmUsageSpool.Remove(file);
            BotTelemetry.LlmUsageReplayed.Add(batch.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Postgres did not take {Count} LLM usage records; they wait in the spool")]
    private partial void LogWriteFailed(Exception error, int count);
}
