using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Discord.Gateway;
using Platform.Discord.Json;

namespace Platform.DiscordEmulator.Gateway;

/// <summary>
/// Serves one gateway connection the way Discord does: HELLO first, heartbeats acknowledged and
/// required, IDENTIFY or RESUME before anything else, and the documented close codes for every
/// rule broken (payload size, send rate, token, intents, shard, identify pacing).
/// </summary>
public sealed class GatewayConnectionHandler(
    SessionRegistry registry,
    SessionHandshake handshake,
    IOptions<EmulatorOptions> options,
    TimeProvider time,
    ILogger<GatewayConnectionHandler> logger)
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;
    private readonly EmulatorOptions settings = options.Value;

    public async Task HandleAsync(HttpContext http, bool resumeEndpoint)
    {
        if (resumeEndpoint && registry.Faults.IsOnAnywhere(FaultKinds.RefuseResume))
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var query = http.Request.Query;
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var connection = new EmulatorConnection(socket, query["compress"] == "zlib-stream");
        if (query["v"] != "10")
        {
            await connection.CloseAsync(GatewayCloseCode.InvalidApiVersion, "Invalid API version.");
            return;
        }

        if (query["encoding"] is { Count: > 0 } encoding && encoding != "json")
        {
            await connection.CloseAsync(GatewayCloseCode.DecodeError, "Only JSON encoding is emulated.");
            return;
        }

        var hello = JsonSerializer.SerializeToUtf8Bytes(new HelloPayload(settings.HeartbeatIntervalMs), Json.HelloPayload);
        await connection.SendAsync(DispatchFrame.Command(GatewayOpCode.Hello, hello), http.RequestAborted);

        // The heartbeat clock starts at HELLO, as Discord's does, not when the socket was accepted.
        var state = new ConnectionState(connection, resumeEndpoint, GatewayUrls.Resume(http.Request), time.GetTimestamp());
        using var watchdog = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var heartbeatWatch = WatchHeartbeatsAsync(state, watchdog.Token);
        try
        {
            await ReceiveLoopAsync(state, http.RequestAborted);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            logger.LogDebug(exception, "Gateway connection ended abruptly");
        }
        finally
        {
            await watchdog.CancelAsync();
            await heartbeatWatch;
            EndSession(state, socket.CloseStatus);
        }
    }

    private async Task ReceiveLoopAsync(ConnectionState state, CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>(GatewayLimits.MaxPayloadBytes);
        var sends = new Queue<long>();
        while (state.Connection.Socket.State == WebSocketState.Open)
        {
            if (await ReceiveAsync(state.Connection.Socket, message, cancellationToken) is not { } received)
            {
                // Complete the closing handshake the client started, echoing its code.
                var socket = state.Connection.Socket;
                await state.Connection.CloseAsync(
                    (int)(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure),
                    socket.CloseStatusDescription ?? "");
                return;
            }

            state.ReceivedAt = time.GetUtcNow();
            if (received > GatewayLimits.MaxPayloadBytes)
            {
                await state.Connection.CloseAsync(GatewayCloseCode.DecodeError, "Payload too large.");
                return;
            }

            if (!WithinSendRate(sends))
            {
                await state.Connection.CloseAsync(GatewayCloseCode.RateLimited, "You are being rate limited.");
                return;
            }

            GatewayEnvelope envelope;
            try
            {
                envelope = GatewayEnvelope.Parse(message.WrittenSpan);
            }
            catch (JsonException)
            {
                await state.Connection.CloseAsync(GatewayCloseCode.DecodeError, "Error while decoding payload.");
                return;
            }

            CloseInstruction? close;
            try
            {
                close = await HandleAsync(state, envelope, message.WrittenMemory[envelope.Data], cancellationToken);
            }
            catch (JsonException)
            {
                // A `d` missing or of the wrong shape: Discord closes the connection, it does not fail.
                close = new(GatewayCloseCode.DecodeError, "Error while decoding payload.");
            }

            if (close is not null)
            {
                await state.Connection.CloseAsync(close.Code, close.Reason);
                return;
            }
        }
    }

    private async Task<CloseInstruction?> HandleAsync(
        ConnectionState state,
        GatewayEnvelope envelope,
        ReadOnlyMemory<byte> data,
        CancellationToken cancellationToken)
    {
        switch (envelope.Op)
        {
            case GatewayOpCode.Heartbeat:
                state.LastHeartbeat = time.GetTimestamp();
                var sequence = JsonSerializer.Deserialize(data.Span, Json.NullableInt32);
                state.Session?.Heartbeats.Enqueue(sequence);
                if (state.Session is null || !registry.Faults.IsOn(FaultKinds.StopAcks, state.Session.ShardId))
                {
                    _ = AcknowledgeAsync(state, cancellationToken);
                }

                return null;
            case GatewayOpCode.Identify when state.Session is not null:
            case GatewayOpCode.Resume when state.Session is not null:
                return new(GatewayCloseCode.AlreadyAuthenticated, "You sent more than one identify payload.");
            case GatewayOpCode.Identify:
                return await handshake.IdentifyAsync(state, Required(data, Json.IdentifyPayload), cancellationToken);
            case GatewayOpCode.Resume:
                await handshake.ResumeAsync(state, Required(data, Json.ResumePayload), cancellationToken);
                return null;
            case GatewayOpCode.PresenceUpdate or GatewayOpCode.VoiceStateUpdate or GatewayOpCode.RequestGuildMembers:
                return state.Session is null ? new(GatewayCloseCode.NotAuthenticated, "You sent a payload prior to identifying.") : null;
            default:
                return state.Session is null
                    ? new(GatewayCloseCode.NotAuthenticated, "You sent a payload prior to identifying.")
                    : new(GatewayCloseCode.UnknownOpcode, "You sent an invalid Gateway opcode.");
        }
    }

    private static T Required<T>(ReadOnlyMemory<byte> data, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(data.Span, type) ?? throw new JsonException($"{typeof(T).Name} needs a d.");

    // The ACK goes out on its own task: a send queued behind events the client is not reading (or
    // an injected latency) must not stop the receive loop from reading the client's next heartbeat.
    private async Task AcknowledgeAsync(ConnectionState state, CancellationToken cancellationToken)
    {
        try
        {
            if (state.Session is { } session)
            {
                await registry.Faults.DelayAsync(session.ShardId, cancellationToken);
            }

            await state.Connection.TrySendAsync(DispatchFrame.Command(GatewayOpCode.HeartbeatAck, "null"u8), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The connection ended while the ACK waited.
        }
    }

    private async Task WatchHeartbeatsAsync(ConnectionState state, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromMilliseconds(settings.HeartbeatIntervalMs * settings.HeartbeatTimeoutIntervals);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(250, settings.HeartbeatIntervalMs / 4.0)), time, cancellationToken);
                if (time.GetElapsedTime(state.LastHeartbeat) > timeout)
                {
                    state.TimedOut = true;
                    await state.Connection.CloseAsync(GatewayCloseCode.SessionTimedOut, "Session timed out.");
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended first.
        }
    }

    private void EndSession(ConnectionState state, WebSocketCloseStatus? clientClose)
    {
        if (state.Session is not { } session)
        {
            return;
        }

        session.Detach(state.Connection);
        registry.Occupancy.Leave(session.ShardId);

        // Closing with 1000/1001, or missing heartbeats, ends the session; anything else keeps it resumable.
        if (state.TimedOut || clientClose is WebSocketCloseStatus.NormalClosure or WebSocketCloseStatus.EndpointUnavailable)
        {
            registry.Remove(session.Id);
        }
    }

    private static bool WithinSendRate(Queue<long> sends)
    {
        var now = Environment.TickCount64;
        while (sends.Count > 0 && now - sends.Peek() >= GatewayLimits.SendWindow.TotalMilliseconds)
        {
            sends.Dequeue();
        }

        sends.Enqueue(now);
        return sends.Count <= GatewayLimits.SendsPerWindow;
    }

    private static async Task<int?> ReceiveAsync(WebSocket socket, ArrayBufferWriter<byte> message, CancellationToken cancellationToken)
    {
        message.ResetWrittenCount();
        var total = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(message.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            total += result.Count;
            if (total <= GatewayLimits.MaxPayloadBytes * 4)
            {
                message.Advance(result.Count);
            }
        }
        while (!result.EndOfMessage);

        return total;
    }
}
