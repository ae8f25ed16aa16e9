using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Platform.Discord.Json;
using Platform.Discord.Telemetry;

namespace Platform.Discord.Gateway;

/// <summary>
/// One gateway shard: connects, identifies or resumes, heartbeats, and reconnects for as long as it
/// runs. Dispatch events go to a bounded channel; the heartbeat runs on its own task, so a slow
/// consumer never delays it. A fatal close code ends <see cref="RunAsync"/> with
/// <see cref="GatewayFatalException"/> instead of reconnecting.
/// </summary>
public sealed partial class GatewayShard(
    GatewayShardOptions options,
    string gatewayUrl,
    IIdentifyCoordinator identifyCoordinator,
    ChannelWriter<GatewayDispatch> dispatches,
    ILogger logger,
    TimeProvider time)
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    private readonly ShardCounters counters = new();
    private readonly TaskCompletionSource firstIdentify = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private GatewaySession? session;
    private int? lastSequence;
    private int failedResumes;
    private volatile bool acknowledged;
    private volatile bool receivePaused;
    private long heartbeatSentAt;

    public int ShardId => options.ShardId;

    public ShardStatus Status => counters.Snapshot(options, session, lastSequence);

    public event Action<ShardStatus>? StatusChanged;

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
            session = null;
            lastSequence = null;
            return;
        }

        // A resume URL that keeps failing is dropped, or a shard can retry a dead session forever.
        if (resuming && !outcome.ReachedReady && ++failedResumes >= options.MaxResumeAttempts)
        {
            LogResumeAbandoned(ShardId, failedResumes);
            session = null;
            lastSequence = null;
            failedResumes = 0;
        }
    }

    private async Task<ConnectionOutcome> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        var resuming = session is not null;
        SetState(ShardState.Connecting);
        using var activity = GatewayTelemetry.ActivitySource.StartActivity(resuming ? "gateway resume" : "gateway identify");
        activity?.SetTag("discord.shard", ShardId);

        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(GatewayUri(session?.ResumeUrl ?? gatewayUrl), cancellationToken);
        }
        catch (WebSocketException exception)
        {
            socket.Dispose();
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            return new(CloseAction.Resume, null, "connect failed", false);
        }

        using var connection = new GatewayConnection(socket, options.Compress, time);
        using var scope = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeats = Task.CompletedTask;
        var zombie = new StrongBox<bool>();
        var reachedReady = false;
        try
        {
            var message = new ArrayBufferWriter<byte>(16 * 1024);
            if (await ReceiveHelloAsync(connection, message, cancellationToken) is not { } interval)
            {
                return Closed(connection, reachedReady);
            }

            acknowledged = true;
            heartbeats = HeartbeatAsync(connection, interval, scope, zombie);
            await StartSessionAsync(connection, cancellationToken);

            while (await connection.ReceiveAsync(message, scope.Token))
            {
                var envelope = GatewayEnvelope.Parse(message.WrittenSpan);
                switch (envelope.Op)
                {
                    case GatewayOpCode.Dispatch:
                        reachedReady |= await OnDispatchAsync(envelope, message.WrittenMemory, cancellationToken);
                        break;
                    case GatewayOpCode.Heartbeat:
                        await SendHeartbeatAsync(connection, cancellationToken);
                        break;
                    case GatewayOpCode.HeartbeatAck:
                        OnHeartbeatAck();
                        break;
                    case GatewayOpCode.Reconnect:
                        await connection.CloseForResumeAsync();
                        return new(CloseAction.Resume, null, "reconnect requested", reachedReady);
                    case GatewayOpCode.InvalidSession:
                        var resumable = message.WrittenSpan[envelope.Data].SequenceEqual("true"u8);
                        await connection.CloseForResumeAsync();
                        return new(resumable ? CloseAction.Resume : CloseAction.Reidentify, null, "invalid session", reachedReady);
                }
            }

            return Closed(connection, reachedReady);
        }
        catch (OperationCanceledException) when (zombie.Value && !cancellationToken.IsCancellationRequested)
        {
            return new(CloseAction.Resume, null, "zombie connection", reachedReady);
        }
        catch (Exception exception) when (exception is WebSocketException or JsonException or TimeoutException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            return new(CloseAction.Resume, null, exception is JsonException ? "decode error" : "connection lost", reachedReady);
        }
        finally
        {
            await scope.CancelAsync();
            await heartbeats;
        }
    }

    private async Task<TimeSpan?> ReceiveHelloAsync(GatewayConnection connection, ArrayBufferWriter<byte> message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.HelloTimeout);
        try
        {
            if (!await connection.ReceiveAsync(message, timeout.Token))
            {
                return null;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No HELLO within {options.HelloTimeout.TotalSeconds:0} s.");
        }

        var envelope = GatewayEnvelope.Parse(message.WrittenSpan);
        if (envelope.Op != GatewayOpCode.Hello)
        {
            throw new JsonException($"Expected HELLO, received op {envelope.Op}.");
        }

        var hello = JsonSerializer.Deserialize(message.WrittenSpan[envelope.Data], Json.HelloPayload)!;
        return TimeSpan.FromMilliseconds(hello.HeartbeatInterval);
    }

    private async Task StartSessionAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        if (session is { } current)
        {
            SetState(ShardState.Resuming);
            var resume = new ResumePayload(options.Token, current.Id, lastSequence ?? 0);
            await connection.SendAsync(new(GatewayOpCode.Resume, resume), Json.GatewayPayloadResumePayload, cancellationToken);
            return;
        }

        SetState(ShardState.Identifying);
        await identifyCoordinator.WaitToIdentifyAsync(ShardId, options.MaxConcurrency, cancellationToken);
        var identify = new IdentifyPayload(options.Token, options.Properties, options.Intents)
        {
            LargeThreshold = options.LargeThreshold,
            Shard = [ShardId, options.TotalShards],
        };
        await connection.SendAsync(new(GatewayOpCode.Identify, identify), Json.GatewayPayloadIdentifyPayload, cancellationToken);
        firstIdentify.TrySetResult();
        counters.Identifies++;
        GatewayTelemetry.Identifies.Add(1, new KeyValuePair<string, object?>("discord.shard", ShardId));
    }

    private async ValueTask<bool> OnDispatchAsync(GatewayEnvelope envelope, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        lastSequence = envelope.Sequence ?? lastSequence;
        var name = envelope.EventName ?? "";
        var data = message[envelope.Data];
        var started = false;

        if (name == GatewayEventNames.Ready)
        {
            var ready = JsonSerializer.Deserialize(data.Span, Json.ReadyPayload)!;
            session = new GatewaySession(ready.SessionId, ready.ResumeGatewayUrl);
            counters.GuildCount = ready.Guilds.Count;
            started = true;
        }
        else if (name == GatewayEventNames.Resumed)
        {
            counters.Resumes++;
            GatewayTelemetry.Resumes.Add(1, new KeyValuePair<string, object?>("discord.shard", ShardId));
            started = true;
        }

        if (started)
        {
            failedResumes = 0;
            SetState(ShardState.Ready);
        }

        counters.EventsReceived++;
        GatewayTelemetry.Events.Add(1, new KeyValuePair<string, object?>("discord.event", name));
        var dispatch = new GatewayDispatch(ShardId, name, envelope.Sequence ?? 0, data.ToArray());
        if (!dispatches.TryWrite(dispatch))
        {
            await WaitForConsumerAsync(dispatch, cancellationToken);
        }

        return started;
    }

    // While the consumer is behind we stop reading the socket, and so cannot see heartbeat ACKs;
    // the zombie check stands aside until we read again.
    private async ValueTask WaitForConsumerAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        receivePaused = true;
        try
        {
            await dispatches.WriteAsync(dispatch, cancellationToken);
        }
        finally
        {
            acknowledged = true;
            receivePaused = false;
        }
    }

    private async Task HeartbeatAsync(GatewayConnection connection, TimeSpan interval, CancellationTokenSource scope, StrongBox<bool> zombie)
    {
        try
        {
            // The first beat is jittered so that a fleet of shards does not beat in step.
            await Task.Delay(interval * Random.Shared.NextDouble(), time, scope.Token);
            while (!scope.IsCancellationRequested)
            {
                if (!acknowledged && !receivePaused)
                {
                    LogZombie(ShardId);
                    zombie.Value = true;
                    await connection.CloseForResumeAsync();
                    await scope.CancelAsync();
                    return;
                }

                await SendHeartbeatAsync(connection, scope.Token);
                await Task.Delay(interval, time, scope.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is ending; the receive loop reports why.
        }
    }

    private ValueTask SendHeartbeatAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        acknowledged = false;
        Interlocked.Exchange(ref heartbeatSentAt, time.GetTimestamp());
        return connection.SendAsync(new(GatewayOpCode.Heartbeat, lastSequence), Json.GatewayPayloadNullableInt32, cancellationToken);
    }

    private void OnHeartbeatAck()
    {
        acknowledged = true;
        var latency = time.GetElapsedTime(Interlocked.Read(ref heartbeatSentAt));
        counters.Latency = latency;
        counters.LastHeartbeatAck = time.GetUtcNow();
        GatewayTelemetry.Latency.Record(latency.TotalMilliseconds, new KeyValuePair<string, object?>("discord.shard", ShardId));
    }

    private static ConnectionOutcome Closed(GatewayConnection connection, bool reachedReady)
    {
        var code = (int?)connection.CloseStatus;
        return new(GatewayCloseCode.ActionFor(code), code, $"closed with {code?.ToString() ?? "no code"}", reachedReady);
    }

    private Uri GatewayUri(string baseUrl) =>
        new UriBuilder(baseUrl) { Query = options.Compress ? "v=10&encoding=json&compress=zlib-stream" : "v=10&encoding=json" }.Uri;

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
