using System.Text.Json;

namespace Platform.Contracts;

/// <summary>
/// Published by the bot when rights in a guild may have changed on Discord: a member's roles or
/// membership (<see cref="UserId"/> set), or a role's permissions, a role's deletion or the guild's
/// owner (for everyone in the guild). The api then reads those rights from Discord again at once.
/// </summary>
public sealed record GuildAccessChanged(long GuildId, long? UserId)
{
    public string Serialize() => JsonSerializer.Serialize(this, RealtimeJson.Options);

    public static GuildAccessChanged? TryParse(string message) => RealtimeJson.TryParse<GuildAccessChanged>(message);
}
