namespace Platform.Discord.Models;

/// <summary>
/// A guild as GET /users/@me/guilds lists it for a signed-in user. <see cref="Permissions"/> excludes
/// channel overwrites, and an owner may lack Manage Guild in it: check <see cref="Owner"/> on its own.
/// </summary>
public sealed record PartialGuild(ulong Id, string Name) : DiscordObject
{
    public string? Icon { get; init; }
    public bool Owner { get; init; }
    public string Permissions { get; init; } = "0";
    public IReadOnlyList<string> Features { get; init; } = [];
}
