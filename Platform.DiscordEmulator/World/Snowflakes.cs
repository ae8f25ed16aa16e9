namespace Platform.DiscordEmulator.World;

/// <summary>Makes snowflakes the way Discord does: milliseconds since 2015 in the top bits.</summary>
public static class Snowflakes
{
    private static readonly DateTimeOffset DiscordEpoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static long counter;

    public static ulong At(DateTimeOffset time, int sequence = 0) =>
        ((ulong)(time - DiscordEpoch).TotalMilliseconds << 22) | (uint)(sequence & 0xFFF);

    public static ulong Next() => At(DateTimeOffset.UtcNow, (int)(Interlocked.Increment(ref counter) & 0xFFF));
}
