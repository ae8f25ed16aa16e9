namespace Platform.Discord.Models;

public sealed record Message(ulong Id, ulong ChannelId) : DiscordObject
{
    public ulong? GuildId { get; init; }
    public User? Author { get; init; }
    public string Content { get; init; } = "";
    public DateTimeOffset Timestamp { get; init; }
    public DateTimeOffset? EditedTimestamp { get; init; }
    public int Type { get; init; }
    public MessageFlags? Flags { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<Interactions.Component>? Components { get; init; }
    public ulong? ApplicationId { get; init; }
    public ulong? WebhookId { get; init; }
}
