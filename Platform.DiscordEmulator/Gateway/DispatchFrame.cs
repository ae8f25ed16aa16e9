using System.Buffers;
using System.Text.Json;

namespace Platform.DiscordEmulator.Gateway;

/// <summary>Writes gateway envelopes around already-serialized data.</summary>
public static class DispatchFrame
{
    public static byte[] Create(int op, int? sequence, string? name, ReadOnlySpan<byte> data)
    {
        var buffer = new ArrayBufferWriter<byte>(data.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op"u8, op);
            if (sequence is { } s)
            {
                writer.WriteNumber("s"u8, s);
            }
            else
            {
                writer.WriteNull("s"u8);
            }

            if (name is null)
            {
                writer.WriteNull("t"u8);
            }
            else
            {
                writer.WriteString("t"u8, name);
            }

            writer.WritePropertyName("d"u8);
            writer.WriteRawValue(data, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
