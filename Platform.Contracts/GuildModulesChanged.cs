using System.Text.Json;

namespace Platform.Contracts;

/// <summary>
/// Published after a guild's rows in <c>guild_modules</c> change, so every bot process drops its
/// cached copy at once instead of waiting for it to expire.
/// </summary>
public sealed record GuildModulesChanged(long GuildId)
{
    public string Serialize() => JsonSerializer.Serialize(this, RealtimeJson.Options);

    public static GuildModulesChanged? TryParse(string message) => RealtimeJson.TryParse<GuildModulesChanged>(message);
}
