namespace Platform.Discord.Gateway;

/// <summary>
/// The stream under a gateway WebSocket, where every call is synchronous, asynchronous ones included, so that the
/// socket stays in blocking mode: a read blocks the shard's receive thread until the kernel has data, and is served
/// from a 64 KB buffer that one read of the connection refills (the WebSocket reads each frame's header and payload
/// apart); a write (a heartbeat, from the heartbeat's task) blocks only while the kernel's send buffer is full. So a
/// busy shard reads many frames per system call, and an idle one sleeps in the kernel, not in a spinning worker.
/// </summary>
internal sealed class BlockingStream : Stream
{
    private const int BufferSize = 64 * 1024;

    private readonly Stream inner;
    private readonly byte[] buffered = new byte[BufferSize];
    private int start;
    private int end;

    /// <param name="received">What was read past the upgrade response: the first frames, served first.</param>
    public BlockingStream(Stream inner, ReadOnlySpan<byte> received)
    {
        this.inner = inner;
        received.CopyTo(buffered);
        end = received.Length;
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (start == end)
        {
            start = 0;
            end = inner.Read(buffered);
        }

        var count = Math.Min(buffer.Length, end - start);
        buffered.AsSpan(start, count).CopyTo(buffer);
        start += count;
        return count;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        inner.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        inner.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        inner.Flush();
        return Task.CompletedTask;
    }

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
