using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Platform.Discord.Json;
using Platform.Discord.Telemetry;

namespace Platform.Discord.Gateway;

/// <summary>
/// One gateway shard: connects, identifies or resumes, and reconnects for as long as it runs.
/// Dispatch events go to a bounded channel; the heartbeat (<see cref="GatewayHeartbeat"/>) runs on
/// a task of its own, so a slow consumer never delays it. A fatal close code ends <see cref="RunAsync"/> with
/// <see cref="GatewayFatalException"/> instead of reconnecting.
/// </summary>
/// <param name="resumeFrom">A session another process ran: the shard RESUMEs it before it would IDENTIFY.</param>
public sealed partial class GatewayShard(
    GatewayShardOptions options,
    string gatewayUrl,
    IIdentifyCoordinator identifyCoordinator,
    ChannelWriter<GatewayDispatch> dispatches,
    ILogger logger,
    TimeProvider time,
    ShardHandover? resumeFrom = null)
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    private readonly ShardCounters counters = ShardCounters.From(resumeFrom);
    private readonly TaskCompletionSource firstIdentify = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private GatewaySession? session = resumeFrom is null ? null : new(resumeFrom.SessionId, resumeFrom.ResumeUrl);
    private int? lastSequence = resumeFrom?.Sequence;
    private int failedResumes;

    public int ShardId => options.ShardId;

    public ShardStatus Status => counters.Snapshot(options, session, lastSequence);

    public event Action<ShardStatus>? StatusChanged;

    /// <summary>Changes to the shard's guilds so far; a handover's guild lists are current while this has not moved.</summary>
    public int GuildsVersion => counters.Guilds.Version;

    /// <summary>What another process needs to resume this shard's session; null while it has none.</summary>
    public ShardHandover? Handover()
    {
        if ((session, lastSequence) is not ({ } current, { } sequence))
        {
            return null;
        }

        var (available, unavailable) = counters.Guilds.Snapshot();
        return new(ShardId, current.Id, current.ResumeUrl, sequence, available, unavailable);
    }

    /// <summary>Completes once this shard has sent its first IDENTIFY, or has stopped without one.</summary>
    public Task FirstIdentifySent => firstIdentify.Task;

    /// <param name="after">Connecting waits for this, so that shards of one identify bucket start in id order.</param>
    public async Task RunAsync(CancellationToken cancellationToken, Task? after = null)
    {
        var failures = 0;
        try
        {
            await (after ?? Task.CompletedTask).WaitAsync(cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                var resuming = session is not null;
                var outcome = await ConnectOnceAsync(cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();

                if (outcome.Action == CloseAction.Fatal)
                {
                    counters.FatalReason = GatewayCloseCode.Describe(outcome.CloseCode);
                    SetState(ShardState.Fatal);
                    LogFatal(ShardId, counters.FatalReason);
                    throw new GatewayFatalException(ShardId, outcome.CloseCode ?? 0);
                }

                ForgetSessionIfNeeded(outcome, resuming);
                failures = outcome.ReachedReady ? 0 : failures + 1;
                counters.Reconnects++;
                GatewayTelemetry.Reconnects.Add(1, new("discord.shard", ShardId), new("discord.reason", outcome.Reason));
                LogReconnecting(ShardId, outcome.Reason, session is not null);
                SetState(ShardState.Disconnected);

                if (failures > 0)
                {
                    await Task.Delay(Backoff(failures), time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            SetState(ShardState.Disconnected);
        }
        finally
        {
            firstIdentify.TrySetResult();
        }
    }

    private void ForgetSessionIfNeeded(ConnectionOutcome outcome, bool resuming)
    {
        if (outcome.Action == CloseAction.Reidentify)
        {
            ForgetSession();
        }
        else if (resuming && !outcome.ReachedReady && ++failedResumes >= options.MaxResumeAttempts)
        {
            // A resume URL that keeps failing is dropped, or a shard can retry a dead session forever.
            LogResumeAbandoned(ShardId, failedResumes);
            ForgetSession();
            failedResumes = 0;
        }
    }

    private void ForgetSession()
    {
        session = null;
        lastSequence = null;
    }

    private TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(options.MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1));
        return TimeSpan.FromSeconds(seconds * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    private void SetState(ShardState state)
    {
        if (counters.State == state)
        {
            return;
        }

        counters.State = state;
        StatusChanged?.Invoke(Status);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Shard {ShardId} stopped for good: {Reason}")]
    private partial void LogFatal(int shardId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId} reconnecting after {Reason} (resume: {Resume})")]
    private partial void LogReconnecting(int shardId, string reason, bool resume);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId} missed a heartbeat acknowledgement; reconnecting to resume")]
    private partial void LogZombie(int shardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId} gave up resuming after {Attempts} attempts; identifying afresh")]
    private partial void LogResumeAbandoned(int shardId, int attempts);

    internal sealed record GatewaySession(string Id, string ResumeUrl);

    private sealed record ConnectionOutcome(CloseAction Action, int? CloseCode, string Reason, bool ReachedReady);
}
