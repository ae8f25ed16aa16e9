namespace Platform.Discord;

/// <summary>Discord's ids: milliseconds since 2015 in the top 42 bits, so every id says when it was made.</summary>
public static class Snowflake
{
    public static readonly DateTimeOffset Epoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset CreatedAt(ulong id) => Epoch.AddMilliseconds(id >> 22);

    public static ulong At(DateTimeOffset time, int sequence = 0) => ((ulong)(time - Epoch).TotalMilliseconds << 22) | (uint)(sequence & 0xFFF);
}
