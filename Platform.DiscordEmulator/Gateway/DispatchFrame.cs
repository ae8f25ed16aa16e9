using System.Buffers.Text;
using System.Text;
using Platform.Discord.Gateway;

namespace Platform.DiscordEmulator.Gateway;

/// <summary>
/// Writes gateway envelopes around already-serialized data as one exactly-sized array, with no
/// JSON writer: the emulator sends hundreds of thousands of these a second in benchmarks.
/// </summary>
public static class DispatchFrame
{
    public static byte[] Create(int op, int? sequence, string? name, ReadOnlySpan<byte> data)
    {
        Span<byte> opText = stackalloc byte[11];
        Utf8Formatter.TryFormat(op, opText, out var opLength);
        Span<byte> sequenceBuffer = stackalloc byte[11];
        var sequenceText = sequence is { } s && Utf8Formatter.TryFormat(s, sequenceBuffer, out var written)
            ? sequenceBuffer[..written]
            : "null"u8;

        // Event names are Discord's upper-case identifiers, which need no JSON escaping.
        var nameLength = name is null ? 4 : name.Length + 2;
        var frame = new byte["{\"op\":"u8.Length + opLength + ",\"s\":"u8.Length + sequenceText.Length
            + ",\"t\":"u8.Length + nameLength + ",\"d\":"u8.Length + data.Length + 1];

        var rest = frame.AsSpan();
        Append(ref rest, "{\"op\":"u8);
        Append(ref rest, opText[..opLength]);
        Append(ref rest, ",\"s\":"u8);
        Append(ref rest, sequenceText);
        Append(ref rest, ",\"t\":"u8);
        if (name is null)
        {
            Append(ref rest, "null"u8);
        }
        else
        {
            rest[0] = (byte)'"';
            Encoding.ASCII.GetBytes(name, rest[1..]);
            rest[name.Length + 1] = (byte)'"';
            rest = rest[(name.Length + 2)..];
        }

        Append(ref rest, ",\"d\":"u8);
        Append(ref rest, data);
        rest[0] = (byte)'}';
        return frame;
    }

    /// <summary>A frame with no sequence or event name: HELLO, heartbeat ACK, op 7, op 9.</summary>
    public static byte[] Command(GatewayOpCode op, ReadOnlySpan<byte> data) => Create((int)op, null, null, data);

    /// <summary>Op 9: the client must resume (true) or identify anew (false).</summary>
    public static byte[] InvalidSession(bool resumable) => Command(GatewayOpCode.InvalidSession, resumable ? "true"u8 : "false"u8);

    private static void Append(ref Span<byte> destination, scoped ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination);
        destination = destination[bytes.Length..];
    }
}
