using Platform.Discord;

namespace Platform.DiscordEmulator.World;

/// <summary>Makes snowflakes the way Discord does: milliseconds since 2015 in the top bits, then a sequence.</summary>
public static class Snowflakes
{
    private const int SequencesPerMillisecond = 4096;
    private static readonly Lock Gate = new();
    private static long millisecond;
    private static int sequence;

    public static ulong At(DateTimeOffset time, int sequence = 0) => Snowflake.At(time, sequence);

    /// <summary>A fresh id, never one handed out before in this process.</summary>
    public static ulong Next() => Take(1);

    /// <summary>A fresh id with sequence 0 whose whole millisecond is the caller's: the next 4,095 ids are free to use.</summary>
    public static ulong NextMillisecond() => Take(SequencesPerMillisecond);

    private static ulong Take(int count)
    {
        lock (Gate)
        {
            var now = (long)(DateTimeOffset.UtcNow - Snowflake.Epoch).TotalMilliseconds;
            if (now > millisecond)
            {
                (millisecond, sequence) = (now, 0);
            }

            if (sequence + count > SequencesPerMillisecond)
            {
                (millisecond, sequence) = (millisecond + 1, 0);
            }

            var id = ((ulong)millisecond << 22) | (uint)sequence;
            sequence += count;
            return id;
        }
    }
}
