using System.Text.Json.Serialization;
using Platform.Discord.Models;

namespace Platform.Discord.Gateway;

// `d` is written even when null: a heartbeat before the first dispatch carries `"d":null`, and Discord's gateway requires it.
/// <summary>The envelope of everything sent on the gateway.</summary>
public sealed record GatewayPayload<TData>(GatewayOpCode Op, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] TData D)
{
    public int? S { get; init; }
    public string? T { get; init; }
}

public sealed record HelloPayload(int HeartbeatInterval) : DiscordObject;

public sealed record IdentifyPayload(string Token, IdentifyProperties Properties, GatewayIntents Intents) : DiscordObject
{
    public bool Compress { get; init; }
    public int? LargeThreshold { get; init; }
    public int[]? Shard { get; init; }
}

public sealed record IdentifyProperties(string Os, string Browser, string Device) : DiscordObject;

public sealed record ResumePayload(string Token, string SessionId, int Seq) : DiscordObject;

public sealed record ReadyPayload(int V, User User, IReadOnlyList<UnavailableGuild> Guilds, string SessionId, string ResumeGatewayUrl) : DiscordObject
{
    public int[]? Shard { get; init; }
    public PartialApplication? Application { get; init; }
}

public sealed record PartialApplication(ulong Id) : DiscordObject
{
    public int Flags { get; init; }
}

/// <summary>GET /gateway/bot: where to connect, how many shards Discord recommends, and how many sessions may start.</summary>
public sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit) : DiscordObject;

public sealed record SessionStartLimit(int Total, int Remaining, int ResetAfter, int MaxConcurrency) : DiscordObject;

public sealed record GatewayInfo(string Url) : DiscordObject;

/// <summary>GUILD_MEMBER_REMOVE: a member left the guild, was kicked or was banned (needs the GUILD_MEMBERS intent).</summary>
public sealed record GuildMemberRemovePayload(ulong GuildId, User User) : DiscordObject;
