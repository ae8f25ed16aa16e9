using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Platform.Discord.Gateway;

/// <summary>A dispatch event (op 0) as received: its name, sequence and the raw JSON of its data.</summary>
public sealed record GatewayDispatch(int ShardId, string Name, int Sequence, ReadOnlyMemory<byte> Data)
{
    public T Deserialize<T>(JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(Data.Span, typeInfo) ?? throw new JsonException($"{Name} carried no data.");
}
