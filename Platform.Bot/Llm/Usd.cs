using System.Globalization;

namespace Platform.Bot.Llm;

public static class Usd
{
    /// <summary>Dollars as members read them: cents always, and up to four decimals for the small sums one call costs.</summary>
    public static string Format(decimal amount) => amount.ToString("$#,0.00##", CultureInfo.InvariantCulture);
}
