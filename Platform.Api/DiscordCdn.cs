namespace Platform.Api;

/// <summary>Image addresses on Discord's CDN, for hashes Discord gave us.</summary>
public static class DiscordCdn
{
    public static string? Avatar(ulong userId, string? hash) => hash is null ? null : $"https://cdn.discordapp.com/avatars/{userId}/{hash}.png";

    public static string? GuildIcon(long guildId, string? hash) => hash is null ? null : $"https://cdn.discordapp.com/icons/{guildId}/{hash}.png";
}
