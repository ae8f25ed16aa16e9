namespace Platform.Discord.Models;

/// <summary>A guild as GUILD_CREATE and the REST API describe it; fields not listed here are ignored.</summary>
public sealed record Guild(ulong Id, string Name) : DiscordObject
{
    public string? Icon { get; init; }
    public ulong OwnerId { get; init; }
    public int? MemberCount { get; init; }
    /// <summary>In GUILD_CREATE: more members than the session's <c>large_threshold</c>, so not all of them are sent.</summary>
    public bool? Large { get; init; }
    public bool? Unavailable { get; init; }
    public IReadOnlyList<Role>? Roles { get; init; }
    public IReadOnlyList<Channel>? Channels { get; init; }
    public IReadOnlyList<GuildMember>? Members { get; init; }
}

public sealed record UnavailableGuild(ulong Id, bool Unavailable) : DiscordObject;

public sealed record Role(ulong Id, string Name) : DiscordObject
{
    public int Color { get; init; }
    public int Position { get; init; }
    public string Permissions { get; init; } = "0";
    public bool Managed { get; init; }
    public bool Mentionable { get; init; }
}

public sealed record Channel(ulong Id, ChannelType Type) : DiscordObject
{
    public ulong? GuildId { get; init; }
    public string? Name { get; init; }
    public int? Position { get; init; }
    public ulong? ParentId { get; init; }
    public string? Topic { get; init; }

    /// <summary>A text or announcement channel of <paramref name="guildId"/>: where a bot posts a notice for that guild.</summary>
    public bool IsTextChannelOf(ulong guildId) => GuildId == guildId && Type is ChannelType.GuildText or ChannelType.GuildAnnouncement;
}

public enum ChannelType
{
    GuildText = 0,
    Dm = 1,
    GuildVoice = 2,
    GroupDm = 3,
    GuildCategory = 4,
    GuildAnnouncement = 5,
    AnnouncementThread = 10,
    PublicThread = 11,
    PrivateThread = 12,
    GuildStageVoice = 13,
    GuildDirectory = 14,
    GuildForum = 15,
    GuildMedia = 16,
}

public sealed record GuildMember : DiscordObject
{
    public User? User { get; init; }
    public string? Nick { get; init; }
    public IReadOnlyList<ulong> Roles { get; init; } = [];
    public DateTimeOffset? JoinedAt { get; init; }
    /// <summary>Total permissions in the channel, present on members inside interactions.</summary>
    public string? Permissions { get; init; }
}
