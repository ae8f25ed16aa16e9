using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Platform.Discord.RateLimiting;

namespace Platform.Discord.Gateway;

/// <summary>One WebSocket connection to the gateway: whole messages in (inflated when compressed), limited sends out.</summary>
internal sealed class GatewayConnection(WebSocket socket, bool compressed, TimeProvider time) : IDisposable
{
    private readonly ZlibStreamInflater? inflater = compressed ? new ZlibStreamInflater() : null;
    private readonly ArrayBufferWriter<byte> frame = new(16 * 1024);
    // Ordinary sends stop short of Discord's limit so that a heartbeat always has room.
    private const int ReservedForHeartbeats = 5;

    private readonly SlidingWindowLimiter limiter = new(GatewayLimits.SendsPerWindow, GatewayLimits.SendWindow, time);
    private readonly SemaphoreSlim sendLock = new(1, 1);

    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    public string? CloseDescription => socket.CloseStatusDescription;

    /// <summary>Receives the next whole message into <paramref name="message"/>; false when the socket closed.</summary>
    // Pooled, as ReceiveFrameAsync: each wait for the socket would otherwise leave a state machine for the collector.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> ReceiveAsync(ArrayBufferWriter<byte> message, CancellationToken cancellationToken)
    {
        message.ResetWrittenCount();
        if (inflater is null)
        {
            // Uncompressed frames are whole messages: read them straight into the message buffer.
            return await ReceiveFrameAsync(message, cancellationToken);
        }

        while (true)
        {
            frame.ResetWrittenCount();
            if (!await ReceiveFrameAsync(frame, cancellationToken))
            {
                return false;
            }

            if (inflater.TryInflate(frame.WrittenSpan, message))
            {
                return true;
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReceiveFrameAsync(ArrayBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(destination.GetMemory(8 * 1024), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return false;
            }

            destination.Advance(result.Count);
        }
        while (!result.EndOfMessage);

        return true;
    }

    public async ValueTask SendAsync<T>(GatewayPayload<T> payload, JsonTypeInfo<GatewayPayload<T>> typeInfo, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(payload, typeInfo);
        if (bytes.Length > GatewayLimits.MaxPayloadBytes)
        {
            throw new ArgumentException(
                $"A gateway payload may be at most {GatewayLimits.MaxPayloadBytes} bytes; this {payload.Op} is {bytes.Length}.",
                nameof(payload));
        }

        await limiter.WaitAsync(payload.Op == GatewayOpCode.Heartbeat ? 0 : ReservedForHeartbeats, cancellationToken);
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Closes without ending the session (any code but 1000/1001 keeps it resumable).</summary>
    public async Task CloseForResumeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync((WebSocketCloseStatus)GatewayCloseCode.ClientReconnecting, "reconnecting", timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    /// <summary>Ends the connection at once; a receive blocked on it throws <see cref="OperationCanceledException"/>.</summary>
    public void Abort() => socket.Abort();

    public void Dispose()
    {
        inflater?.Dispose();
        sendLock.Dispose();
        socket.Dispose();
    }
}
