namespace Platform.Discord.Models;

public sealed record User(ulong Id, string Username) : DiscordObject
{
    public string? GlobalName { get; init; }
    public string? Discriminator { get; init; }
    public string? Avatar { get; init; }
    public bool? Bot { get; init; }
}
