using System.Text.RegularExpressions;

namespace Platform.Bot.Modules.Tags;

/// <summary>
/// Tag names as stored (and as the table's check constraint demands): lowercase letters, digits, '-' and '_', at most
/// 32 characters.
/// </summary>
public static partial class TagName
{
    public const string Rule = "Tag names are 1-32 characters: lowercase letters, digits, '-' and '_'.";

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    public static bool IsValid(string normalized) => Pattern().IsMatch(normalized);

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex Pattern();
}
