using System.Buffers;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Platform.Discord.Gateway;

/// <summary>
/// A dispatch event (op 0) as received: its name, sequence and the raw JSON of its data.
/// </summary>
/// <remarks>
/// A shard copies each event's data into a buffer rented from <see cref="ArrayPool{T}.Shared"/>, so that an event
/// leaves nothing for the collector but this object. Whoever reads <see cref="DiscordGatewayClient.Dispatches"/>
/// owns each dispatch and disposes it when done with it; work that goes on after that takes a reference of its own
/// with <see cref="Retain"/> and disposes that. A dispatch never disposed is collected like any object and costs
/// only the reuse of its buffer; one read after its last reference is gone throws instead of showing another
/// event's bytes.
/// </remarks>
public sealed class GatewayDispatch : IDisposable
{
    // The references of a dispatch over the caller's data, which are not counted. An array and a length rather than a
    // ReadOnlyMemory: four bytes fewer, and the object fits in 56 bytes, the one allocation an event leaves.
    private const int NotPooled = -1;

    private readonly byte[] buffer;
    private readonly int length;
    private int references;

    /// <summary>A dispatch over data the caller keeps (copied unless it is a whole array); disposing it does nothing.</summary>
    public GatewayDispatch(int shardId, string name, int sequence, ReadOnlyMemory<byte> data)
        : this(shardId, name, sequence, WholeArray(data), data.Length, NotPooled)
    {
    }

    private GatewayDispatch(int shardId, string name, int sequence, byte[] buffer, int length, int references)
    {
        ShardId = shardId;
        Name = name;
        Sequence = sequence;
        this.buffer = buffer;
        this.length = length;
        this.references = references;
    }

    public int ShardId { get; }

    public string Name { get; }

    public int Sequence { get; }

    /// <summary>When it was read off the socket (<see cref="Stopwatch"/> ticks), so a handler can tell how long it waited for its turn.</summary>
    public long ReceivedAt { get; init; } = Stopwatch.GetTimestamp();

    /// <exception cref="ObjectDisposedException">Every reference to a pooled dispatch has been disposed.</exception>
    public ReadOnlyMemory<byte> Data
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref references) == 0, this);
            return new ReadOnlyMemory<byte>(buffer, 0, length);
        }
    }

    /// <summary>A dispatch holding a pooled copy of <paramref name="source"/>, with one reference: its reader's.</summary>
    internal static GatewayDispatch Rent(int shardId, string name, int sequence, ReadOnlySpan<byte> source)
    {
        var rented = ArrayPool<byte>.Shared.Rent(source.Length);
        source.CopyTo(rented);
        return new GatewayDispatch(shardId, name, sequence, rented, source.Length, references: 1);
    }

    /// <summary>Takes one more reference, to be disposed by whoever keeps the dispatch past its reader.</summary>
    /// <exception cref="ObjectDisposedException">Every reference has already been disposed.</exception>
    public GatewayDispatch Retain()
    {
        int current;
        do
        {
            current = Volatile.Read(ref references);
            if (current == NotPooled)
            {
                return this;
            }

            ObjectDisposedException.ThrowIf(current == 0, this);
        }
        while (Interlocked.CompareExchange(ref references, current + 1, current) != current);

        return this;
    }

    public T Deserialize<T>(JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(Data.Span, typeInfo) ?? throw new JsonException($"{Name} carried no data.");

    /// <summary>Gives up one reference; the last one returns the data's buffer to the pool.</summary>
    public void Dispose()
    {
        if (references != NotPooled && Interlocked.Decrement(ref references) == 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] WholeArray(ReadOnlyMemory<byte> data) =>
        MemoryMarshal.TryGetArray(data, out var segment) && segment.Offset == 0 ? segment.Array! : data.ToArray();
}
