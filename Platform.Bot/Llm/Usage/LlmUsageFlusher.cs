using Platform.Bot.Telemetry;
using Platform.Data.Llm;

namespace Platform.Bot.Llm.Usage;

/// <summary>
/// Moves usage records from the queue to Postgres: whatever has queued while the last batch was
/// written becomes the next batch, so a record waits at most one batch write. A batch Postgres
/// cannot take goes to the spool, and the spool is offered again every few seconds until it is
/// empty (<see cref="LlmUsageWriting"/> sets aside, alone, a record Postgres refuses for what it
/// holds). At shutdown the queue is drained to Postgres, or to the spool if Postgres is away.
/// </summary>
public sealed class LlmUsageFlusher(
    LlmUsageQueue queue,
    LlmUsageSpool spool,
    LlmUsageWriting writing,
    LlmSettings settings,
    TimeProvider time) : BackgroundService
{
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
        if (!spool.IsEmpty || !await writing.WriteAsync(batch))
        {
            await spool.AppendAsync(batch, CancellationToken.None);
            BotTelemetry.LlmUsageSpooled.Add(batch.Count);
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
            if (await spool.ReadAsync(file, CancellationToken.None) is not { } batch)
            {
                continue;
            }

            // Its commit may have happened with the answer lost: only what is missing is written.
            if (!await writing.WriteMissingAsync(batch))
            {
                return;
            }

            LlmUsageSpool.Remove(file);
            BotTelemetry.LlmUsageReplayed.Add(batch.Count);
        }
    }
}
