namespace Platform.Discord.Models;

/// <summary>A Discord application (the bot's, or the one a user authorized).</summary>
public sealed record Application(ulong Id, string Name) : DiscordObject
{
    public string? Icon { get; init; }
    public string? Description { get; init; }
    public bool? BotPublic { get; init; }
    public string? VerifyKey { get; init; }
    public int? Flags { get; init; }
}
