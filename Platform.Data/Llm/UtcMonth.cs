namespace Platform.Data.Llm;

/// <summary>Budgets, spend and partitions all count calendar months in UTC, whatever the server's clock zone.</summary>
public static class UtcMonth
{
    public static DateTimeOffset Start(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The first day of <paramref name="at"/>'s month, as the daily rollups key their days.</summary>
    public static DateOnly FirstDay(DateTimeOffset at) => DateOnly.FromDateTime(Start(at).UtcDateTime);
}
