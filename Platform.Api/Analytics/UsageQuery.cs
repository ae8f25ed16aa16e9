namespace Platform.Api.Analytics;

/// <summary>Which days of LLM usage to report and how to group them; from and to are inclusive UTC days.</summary>
public sealed record UsageQuery(DateOnly From, DateOnly To, UsageGrouping GroupBy)
{
    public const int MaxDays = 400;

    /// <summary>Discord's epoch: no bot spent anything before it, and day arithmetic stays far from DateOnly's ends.</summary>
    public static readonly DateOnly FirstDay = new(2015, 1, 1);

    public static (UsageQuery? Query, Dictionary<string, string[]> Errors) Parse(string? from, string? to, string? groupBy, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var lastDay = today.AddYears(1);
        var end = ParseDay(to, "to", today, lastDay, errors);
        var start = ParseDay(from, "from", end.AddDays(-29), lastDay, errors);
        if (errors.Count == 0 && (start > end || end.DayNumber - start.DayNumber >= MaxDays))
        {
            errors["from"] = [$"From must not be after to, and the span at most {MaxDays} days."];
        }

        var grouping = groupBy is null
            ? UsageGrouping.Day
            : Enum.GetValues<UsageGrouping>()
                .FirstOrDefault(g => NameOf(g) == groupBy.ToLowerInvariant(), (UsageGrouping)(-1));
        if (!Enum.IsDefined(grouping))
        {
            errors["groupBy"] = [$"One of {string.Join(", ", Enum.GetValues<UsageGrouping>().Select(NameOf))}."];
        }

        return errors.Count > 0 ? (null, errors) : (new UsageQuery(start, end, grouping), errors);
    }

    public static string NameOf(UsageGrouping grouping) => Platform.Data.SnakeCaseEnumConverter<UsageGrouping>.NameOf(grouping);

    private static DateOnly ParseDay(string? value, string field, DateOnly fallback, DateOnly lastDay, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return fallback;
        }

        if (
            DateOnly.TryParseExact(
                value,
                "yyyy-MM-dd",
                System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None,
                out var day)
            && day >= FirstDay
            && day <= lastDay)
        {
            return day;
        }

        errors[field] = [$"A day as yyyy-MM-dd, from {FirstDay:yyyy-MM-dd} to {lastDay:yyyy-MM-dd}."];
        return fallback;
    }
}

public enum UsageGrouping
{
    Day,
    Model,
    Module,
    User,
    /// <summary>Each day split by model, for a chart of cost per day stacked by model.</summary>
    DayByModel,
}
