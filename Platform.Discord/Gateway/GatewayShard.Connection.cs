using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Platform.Discord.Telemetry;

namespace Platform.Discord.Gateway;

/// <summary>One connection of a shard: HELLO, IDENTIFY or RESUME, then events until it closes.</summary>
public sealed partial class GatewayShard
{
    private async Task<ConnectionOutcome> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        var resuming = session is not null;
        SetState(ShardState.Connecting);
        using var activity = GatewayTelemetry.ActivitySource.StartActivity(resuming ? "gateway resume" : "gateway identify");
        activity?.SetTag("discord.shard", ShardId);

        using var scope = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = new ConnectionRun(scope);
        try
        {
            // A thread of its own, which the kernel wakes when data comes: no event loop or thread-pool worker is woken,
            // and spins, for every burst of events (a third of the client's CPU at a steady rate, issue 22's profile).
            return await Task.Factory.StartNew(
                () => ConnectAndServe(run, cancellationToken),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }
        catch (WebSocketException exception) when (run.Connection is null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            return new(CloseAction.Resume, null, "connect failed", false);
        }
        catch (OperationCanceledException) when (run.Heartbeat?.Zombie == true && !cancellationToken.IsCancellationRequested)
        {
            LogZombie(ShardId);
            return new(CloseAction.Resume, null, "zombie connection", run.ReachedReady);
        }
        catch (Exception exception) when (exception is WebSocketException or JsonException or TimeoutException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            return new(CloseAction.Resume, null, exception is JsonException ? "decode error" : "connection lost", run.ReachedReady);
        }
        finally
        {
            await scope.CancelAsync();
            await run.Heartbeats;
            await ObserveAsync(run.Starting);
            run.Connection?.Dispose();
        }
    }

    /// <summary>The connection from its socket until it closes, on the shard's receive thread, where waiting blocks.</summary>
    private ConnectionOutcome ConnectAndServe(ConnectionRun run, CancellationToken cancellationToken)
    {
        var socket = GatewayTransport.Connect(GatewayUri(session?.ResumeUrl ?? gatewayUrl), run.Scope.Token);
        var connection = run.Connection = new GatewayConnection(socket, options.Compress, time);
        // A receive blocked in the kernel sees no token: ending the connection is what wakes it.
        using var abort = run.Scope.Token.UnsafeRegister(_ => connection.Abort(), null);
        var message = new ArrayBufferWriter<byte>(16 * 1024);
        if (ReceiveHello(connection, message, cancellationToken) is not { } interval)
        {
            return Closed(connection, run.ReachedReady);
        }

        var heartbeat = run.Heartbeat = new GatewayHeartbeat(connection, interval, () => lastSequence, time);
        run.Heartbeats = heartbeat.RunAsync(run.Scope);

        // The socket is read while the shard waits for its identify slot (seconds, or longer in a
        // large bot): unread, its heartbeat ACKs would go unseen and it would be closed as a zombie.
        run.Starting = StartSessionAsync(connection, run.Scope.Token);

        while (Wait(connection.ReceiveAsync(message, run.Scope.Token)))
        {
            var envelope = GatewayEnvelope.Parse(message.WrittenSpan);
            switch (envelope.Op)
            {
                case GatewayOpCode.Dispatch:
                    run.ReachedReady |= Wait(OnDispatchAsync(envelope, message.WrittenMemory, heartbeat, cancellationToken));
                    break;
                case GatewayOpCode.Heartbeat:
                    Wait(heartbeat.BeatAsync(cancellationToken));
                    break;
                case GatewayOpCode.HeartbeatAck:
                    OnHeartbeatAck(heartbeat.Acknowledge());
                    break;
                case GatewayOpCode.Reconnect:
                    connection.CloseForResumeAsync().GetAwaiter().GetResult();
                    return new(CloseAction.Resume, null, "reconnect requested", run.ReachedReady);
                case GatewayOpCode.InvalidSession:
                    var resumable = message.WrittenSpan[envelope.Data].SequenceEqual("true"u8);
                    connection.CloseForResumeAsync().GetAwaiter().GetResult();
                    return new(resumable ? CloseAction.Resume : CloseAction.Reidentify, null, "invalid session", run.ReachedReady);
            }
        }

        return Closed(connection, run.ReachedReady);
    }

    // Starting a session fails only when the connection is already ending; the receive loop reports why.
    private static async Task ObserveAsync(Task starting)
    {
        try
        {
            await starting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private TimeSpan? ReceiveHello(GatewayConnection connection, ArrayBufferWriter<byte> message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var abort = timeout.Token.UnsafeRegister(_ => connection.Abort(), null);
        timeout.CancelAfter(options.HelloTimeout);
        try
        {
            if (!Wait(connection.ReceiveAsync(message, timeout.Token)))
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

    // The receive thread waits where the shard's loop would await: it has nothing else to do meanwhile.
    private static T Wait<T>(ValueTask<T> pending) =>
        pending.IsCompleted ? pending.GetAwaiter().GetResult() : pending.AsTask().GetAwaiter().GetResult();

    private static void Wait(ValueTask pending)
    {
        if (pending.IsCompleted)
        {
            pending.GetAwaiter().GetResult();
        }
        else
        {
            pending.AsTask().GetAwaiter().GetResult();
        }
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
        await identifyCoordinator.IdentifySentAsync(ShardId, options.MaxConcurrency, cancellationToken);
        firstIdentify.TrySetResult();
        counters.Identifies++;
        GatewayTelemetry.Identifies.Add(1, new KeyValuePair<string, object?>("discord.shard", ShardId));
    }

    private async ValueTask<bool> OnDispatchAsync(
        GatewayEnvelope envelope,
        ReadOnlyMemory<byte> message,
        GatewayHeartbeat heartbeat,
        CancellationToken cancellationToken)
    {
        lastSequence = envelope.Sequence ?? lastSequence;
        var name = envelope.EventName ?? "";
        var data = message[envelope.Data];
        var started = false;

        if (name == GatewayEventNames.Ready)
        {
            var ready = JsonSerializer.Deserialize(data.Span, Json.ReadyPayload)!;
            session = new GatewaySession(ready.SessionId, ready.ResumeGatewayUrl);
            counters.Guilds.Reset(ready.Guilds.Select(g => g.Id));
            started = true;
        }
        else if (name is GatewayEventNames.GuildCreate or GatewayEventNames.GuildDelete)
        {
            counters.Guilds.Apply(name, data.Span);
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
        var dispatch = GatewayDispatch.Rent(ShardId, name, envelope.Sequence ?? 0, data.Span);
        if (!dispatches.TryWrite(dispatch))
        {
            await WaitToHandOnAsync(dispatch, heartbeat, cancellationToken);
        }

        return started;
    }

    // Apart from OnDispatchAsync, whose every call would otherwise allocate this closure, not only those that wait.
    private ValueTask WaitToHandOnAsync(GatewayDispatch dispatch, GatewayHeartbeat heartbeat, CancellationToken cancellationToken) =>
        heartbeat.WhileNotReadingAsync(() => dispatches.WriteAsync(dispatch, cancellationToken));

    private void OnHeartbeatAck(TimeSpan latency)
    {
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
}
