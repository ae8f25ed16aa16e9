using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Platform.Discord.Gateway;
using Platform.Discord.Json;
using Platform.Discord.Models;

namespace Platform.Benchmarks;

/// <summary>
/// The gateway's cost per MESSAGE_CREATE without a socket, so that a change in bytes or time per event shows here
/// before the whole ingest benchmark: inflating a zlib-stream frame, reading the envelope into the dispatch the shard
/// hands on (the copy of <c>d</c> into a pooled buffer included), and reading <c>d</c> into a typed <see cref="Message"/>, apart.
/// </summary>
[MemoryDiagnoser]
public class GatewayFrames
{
    private const int Frames = 1_000;

    private readonly ArrayBufferWriter<byte> message = new(16 * 1024);
    private byte[] plain = [];
    private Range data;
    private byte[][] compressed = [];

    [GlobalSetup]
    public void Setup()
    {
        plain = Encoding.UTF8.GetBytes(MessageCreate(sequence: 1));
        data = GatewayEnvelope.Parse(plain).Data;
        compressed = ZlibStream([.. Enumerable.Range(1, Frames).Select(MessageCreate)]);
    }

    /// <summary>One connection's zlib context, frame after frame, as the gateway reads them.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public int Inflate()
    {
        using var inflater = new ZlibStreamInflater();
        var bytes = 0;
        foreach (var frame in compressed)
        {
            message.ResetWrittenCount();
            inflater.TryInflate(frame, message);
            bytes += message.WrittenCount;
        }

        return bytes;
    }

    /// <summary>
    /// What the shard does with each dispatch it reads, and its reader after it: the envelope, a dispatch holding a
    /// pooled copy of <c>d</c>, and that dispatch disposed.
    /// </summary>
    [Benchmark]
    public int Dispatch()
    {
        var envelope = GatewayEnvelope.Parse(plain);
        using var dispatch = GatewayDispatch.Rent(0, envelope.EventName!, envelope.Sequence ?? 0, plain.AsSpan(envelope.Data));
        return dispatch.Sequence;
    }

    /// <summary>What a module's MESSAGE_CREATE listener adds: <c>d</c> read into a typed Message.</summary>
    [Benchmark]
    public Message? TypedMessage() => JsonSerializer.Deserialize(plain.AsSpan(data), DiscordJsonContext.Default.Message);

    // About 700 bytes, as in the ingest benchmark: the emulator's author, ids and 380 characters of content.
    private static string MessageCreate(int sequence)
    {
        var author = new User(1100000000000000002, "member2") { GlobalName = "Member 2", Discriminator = "0" };
        var body = new Message(1200000000000000000 + (ulong)sequence, 1300000000000000001)
        {
            GuildId = 1400000000000000001,
            Author = author,
            Content = new string('x', 380),
            Timestamp = DateTimeOffset.UnixEpoch.AddDays(20_000),
        };
        return $$"""{"op":0,"s":{{sequence}},"t":"MESSAGE_CREATE","d":{{JsonSerializer.Serialize(body, DiscordJsonContext.Default.Message)}}}""";
    }

    // Discord's zlib-stream: one deflate context for the connection, each message ending in a sync flush (00 00 ff ff).
    private static byte[][] ZlibStream(IReadOnlyList<string> messages)
    {
        using var output = new MemoryStream();
        using var zlib = new ZLibStream(output, CompressionLevel.Fastest);
        var frames = new List<byte[]>();
        foreach (var text in messages)
        {
            var start = output.Length;
            zlib.Write(Encoding.UTF8.GetBytes(text));
            zlib.Flush();
            frames.Add(output.ToArray()[(int)start..]);
        }

        return [.. frames];
    }
}
