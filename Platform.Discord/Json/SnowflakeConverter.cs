using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Discord.Json;

/// <summary>
/// Discord sends snowflakes as strings (JavaScript cannot hold 64-bit integers) and accepts them
/// back as strings. Every <see cref="ulong"/> in this library is a snowflake, so this converter is
/// registered for the type: it reads a string or a number, and always writes a string.
/// </summary>
public sealed class SnowflakeConverter : JsonConverter<ulong>
{
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetUInt64();
        }

        ReadOnlySpan<byte> span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        return Utf8Parser.TryParse(span, out ulong value, out var consumed) && consumed == span.Length
            ? value
            : throw new JsonException($"'{reader.GetString()}' is not a snowflake.");
    }

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options)
    {
        Span<byte> buffer = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, buffer, out var written);
        writer.WriteStringValue(buffer[..written]);
    }
}
