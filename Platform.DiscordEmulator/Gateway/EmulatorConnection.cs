using System.IO.Compression;
using System.Net.WebSockets;

namespace Platform.DiscordEmulator.Gateway;

/// <summary>
/// One client's WebSocket as the server sees it. With <c>compress=zlib-stream</c> every message goes
/// through one zlib context kept for the connection and ends with a sync flush (00 00 ff ff).
/// </summary>
public sealed class EmulatorConnection(WebSocket socket, bool compress) : IDisposable
{
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly MemoryStream compressed = new();
    private readonly ZLibStream? deflater = compress ? new ZLibStream(new MemoryStreamSink(), CompressionLevel.Fastest) : null;

    public WebSocket Socket { get; } = socket;

    public async Task SendAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            if (deflater is null)
            {
                await Socket.SendAsync(json, WebSocketMessageType.Text, true, cancellationToken);
                return;
            }

            var sink = (MemoryStreamSink)deflater.BaseStream;
            sink.Target = compressed;
            compressed.SetLength(0);
            deflater.Write(json.Span);
            deflater.Flush();
            await Socket.SendAsync(compressed.GetBuffer().AsMemory(0, (int)compressed.Length), WebSocketMessageType.Binary, true, cancellationToken);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Sends, or reports false when the client is already gone.</summary>
    public async Task<bool> TrySendAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(json, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            return false;
        }
    }

    public async Task CloseAsync(int code, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await Socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            Socket.Abort();
        }
    }

    public void Dispose()
    {
        deflater?.Dispose();
        compressed.Dispose();
        sendLock.Dispose();
    }

    /// <summary>Lets one long-lived zlib context write into whichever buffer the current message uses.</summary>
    private sealed class MemoryStreamSink : Stream
    {
        public MemoryStream? Target { get; set; }

        public override void Write(byte[] buffer, int offset, int count) => Target!.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => Target!.Write(buffer);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
