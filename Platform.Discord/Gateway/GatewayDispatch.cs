using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Platform.Discord.Gateway;

/// <summary>A dispatch event (op 0) as received: its name, sequence and the raw JSON of its data.</summary>
public sealed record GatewayDispatch(int ShardId, string Name, int Sequence, ReadOnlyMemory<byte> Data)
{
    /// <summary>When it was read off the socket (<see cref="Stopwatch"/> ticks), so a handler can tell how long it waited for its turn.</summary>
    public long ReceivedAt { get; init; } = Stopwatch.GetTimestamp();

    public T Deserialize<T>(JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(Data.Span, typeInfo) ?? throw new JsonException($"{Name} carried no data.");
}
