using System.Globalization;

namespace Platform.Bot.Llm;

public static class Usd
{
    /// <summary>
    /// Dollars as members read them: cents always, up to four decimals for the small sums one call
    /// costs, and below a cent two significant digits, so that a fraction of a cent never shows as $0.00.
    /// </summary>
    public static string Format(decimal amount)
    {
        if (amount == 0 || Math.Abs(amount) >= 0.01m)
        {
            return amount.ToString("$#,0.00##", CultureInfo.InvariantCulture);
        }

        var decimals = 1 - (int)Math.Floor(Math.Log10((double)Math.Abs(amount)));
        return Math.Round(amount, decimals).ToString("$0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }
}
