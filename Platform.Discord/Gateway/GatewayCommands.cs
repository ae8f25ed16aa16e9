using Platform.Discord.Models;

namespace Platform.Discord.Gateway;

/// <summary>Op 3: the bot's status and activities.</summary>
public sealed record PresenceUpdatePayload(IReadOnlyList<Activity> Activities, string Status, bool Afk) : DiscordObject
{
    public long? Since { get; init; }
}

public sealed record Activity(string Name, int Type) : DiscordObject
{
    public string? State { get; init; }
    public string? Url { get; init; }
}

/// <summary>Op 4: join, move or leave a voice channel.</summary>
public sealed record VoiceStateUpdatePayload(ulong GuildId, ulong? ChannelId, bool SelfMute, bool SelfDeaf) : DiscordObject;

/// <summary>Op 8: ask for a guild's members (answered with GUILD_MEMBERS_CHUNK events).</summary>
public sealed record RequestGuildMembersPayload(ulong GuildId) : DiscordObject
{
    public string? Query { get; init; }
    public int Limit { get; init; }
    public bool? Presences { get; init; }
    public IReadOnlyList<ulong>? UserIds { get; init; }
    public string? Nonce { get; init; }
}
