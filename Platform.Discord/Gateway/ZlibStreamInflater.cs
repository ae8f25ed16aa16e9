using System.Buffers;
using System.IO.Compression;

namespace Platform.Discord.Gateway;

/// <summary>
/// Decodes Discord's <c>zlib-stream</c> transport: one zlib context for the whole connection,
/// fed frame by frame; a message is complete when the frames so far end with 00 00 ff ff.
/// A new connection needs a new instance: reusing a context across connections corrupts it.
/// </summary>
internal sealed class ZlibStreamInflater : IDisposable
{
    private static ReadOnlySpan<byte> FlushSuffix => [0x00, 0x00, 0xFF, 0xFF];

    private readonly ArrayBufferWriter<byte> pending = new(4096);
    private readonly FeedStream feed = new();
    private readonly ZLibStream zlib;

    public ZlibStreamInflater() => zlib = new ZLibStream(feed, CompressionMode.Decompress);

    /// <summary>Adds a frame; when it completes a message, inflates it into <paramref name="message"/> and returns true.</summary>
    public bool TryInflate(ReadOnlySpan<byte> frame, ArrayBufferWriter<byte> message)
    {
        pending.Write(frame);
        if (!pending.WrittenSpan.EndsWith(FlushSuffix))
        {
            return false;
        }

        feed.Set(pending.WrittenMemory);
        int read;
        do
        {
            read = zlib.Read(message.GetSpan(16 * 1024));
            message.Advance(read);
        }
        while (read > 0);

        pending.ResetWrittenCount();
        return true;
    }

    public void Dispose() => zlib.Dispose();

    /// <summary>Hands the zlib reader the bytes of one message, then reports end of input until the next.</summary>
    private sealed class FeedStream : Stream
    {
        private ReadOnlyMemory<byte> remaining;

        public void Set(ReadOnlyMemory<byte> bytes) => remaining = bytes;

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, remaining.Length);
            remaining.Span[..count].CopyTo(buffer);
            remaining = remaining[count..];
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
