using System.Buffers;
using System.IO.Compression;
using System.Text;
using Platform.Discord.Gateway;

namespace Platform.Discord.Tests;

public sealed class ZlibStreamInflaterTests
{
    [Fact]
    public void A_message_split_over_several_frames_is_decoded_when_the_last_one_arrives()
    {
        var stream = new CompressedStream();
        var frame = stream.Compress("""{"op":0,"t":"MESSAGE_CREATE","d":{"content":"hello"}}""");
        using var inflater = new ZlibStreamInflater();
        var message = new ArrayBufferWriter<byte>();

        Assert.False(inflater.TryInflate(frame[..5], message));
        Assert.False(inflater.TryInflate(frame[5..^4], message));
        Assert.True(inflater.TryInflate(frame[^4..], message));

        Assert.Equal("""{"op":0,"t":"MESSAGE_CREATE","d":{"content":"hello"}}""", Encoding.UTF8.GetString(message.WrittenSpan));
    }

    [Fact]
    public void Messages_decode_in_turn_with_one_context_for_the_connection()
    {
        var stream = new CompressedStream();
        using var inflater = new ZlibStreamInflater();

        foreach (var text in new[] { "first", new string('r', 20_000), "third" })
        {
            var message = new ArrayBufferWriter<byte>();
            Assert.True(inflater.TryInflate(stream.Compress(text), message));
            Assert.Equal(text, Encoding.UTF8.GetString(message.WrittenSpan));
        }
    }

    // NOTES §C.7: a zlib context reused across reconnects corrupts the stream.
    [Fact]
    public void A_new_connection_needs_a_new_context()
    {
        var oldConnection = new CompressedStream();
        var newConnection = new CompressedStream();
        using var oldInflater = new ZlibStreamInflater();
        using var newInflater = new ZlibStreamInflater();
        oldInflater.TryInflate(oldConnection.Compress("before the reconnect"), new ArrayBufferWriter<byte>());

        var fresh = new ArrayBufferWriter<byte>();
        Assert.True(newInflater.TryInflate(newConnection.Compress("after the reconnect"), fresh));
        Assert.Equal("after the reconnect", Encoding.UTF8.GetString(fresh.WrittenSpan));

        Assert.ThrowsAny<InvalidDataException>(() =>
            oldInflater.TryInflate(
                new CompressedStream().Compress("after the reconnect"),
                new ArrayBufferWriter<byte>()));
    }

    /// <summary>The server side of zlib-stream: one deflate context, a sync flush after each message.</summary>
    private sealed class CompressedStream
    {
        private readonly MemoryStream output = new();
        private readonly ZLibStream deflater;

        public CompressedStream() => deflater = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true);

        public byte[] Compress(string text)
        {
            output.SetLength(0);
            deflater.Write(Encoding.UTF8.GetBytes(text));
            deflater.Flush();
            return output.ToArray();
        }
    }
}
