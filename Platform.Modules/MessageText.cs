namespace Platform.Modules;

/// <summary>Keeps text inside Discord's 2,000 characters per message, cutting at a line where it can.</summary>
public static class MessageText
{
    public const int MaxLength = 2000;

    public static string Fit(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        const string More = "\n…";
        var cut = text.LastIndexOf('\n', MaxLength - More.Length);
        return text[..(cut > 0 ? cut : MaxLength - More.Length)] + More;
    }
}
