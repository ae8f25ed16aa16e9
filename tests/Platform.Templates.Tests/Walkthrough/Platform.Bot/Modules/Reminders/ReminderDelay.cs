using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Bot.Modules.Reminders;

/// <summary>A delay as members type it: <c>10m</c>, <c>2h</c>, <c>1d12h</c>, <c>1h 30m</c>.</summary>
public static partial class ReminderDelay
{
    public static bool TryParse(string text, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        var match = Parts().Match(text.Trim().ToLowerInvariant());
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        delay = TimeSpan.FromDays(Number(match.Groups["d"])) + TimeSpan.FromHours(Number(match.Groups["h"]))
            + TimeSpan.FromMinutes(Number(match.Groups["m"]));
        return delay > TimeSpan.Zero;
    }

    private static int Number(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;

    // At most four digits a part, so that no delay overflows before the settings' limit refuses it.
    [GeneratedRegex(@"^(?:(?<d>\d{1,4})\s*d)?\s*(?:(?<h>\d{1,4})\s*h)?\s*(?:(?<m>\d{1,4})\s*m)?$")]
    private static partial Regex Parts();
}
