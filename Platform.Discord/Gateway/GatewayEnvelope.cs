using System.Text.Json;

namespace Platform.Discord.Gateway;

/// <summary>
/// The envelope of one received gateway message, read in a single pass without building a DOM:
/// the opcode, sequence and event name are decoded, and <c>d</c> is kept as the raw bytes it
/// occupies, to be deserialized only by whoever wants that event.
/// </summary>
public readonly record struct GatewayEnvelope(GatewayOpCode Op, int? Sequence, string? EventName, Range Data)
{
    public static GatewayEnvelope Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A gateway message must be a JSON object.");
        }

        int? op = null;
        int? sequence = null;
        string? eventName = null;
        var data = new Range(0, 0);

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("op"u8))
            {
                reader.Read();
                op = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("s"u8))
            {
                reader.Read();
                sequence = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
            }
            else if (reader.ValueTextEquals("t"u8))
            {
                reader.Read();
                eventName = reader.TokenType == JsonTokenType.Null ? null : GatewayEventNames.Intern(ref reader);
            }
            else if (reader.ValueTextEquals("d"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                data = new Range(start, (int)reader.BytesConsumed);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return op is { } code
            ? new GatewayEnvelope((GatewayOpCode)code, sequence, eventName, data)
            : throw new JsonException("A gateway message must have an 'op'.");
    }
}
