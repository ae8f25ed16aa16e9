using Platform.Discord.Gateway;

namespace Platform.DiscordEmulator;

/// <summary>The emulator's settings, section <c>Emulator</c> (e.g. <c>--Emulator:Shards=4</c>).</summary>
public sealed class EmulatorOptions
{
    public const string Section = "Emulator";

    public string BotToken { get; set; } = "emulator-bot-token";
    public ulong ApplicationId { get; set; } = 1_100_000_000_000_000_001;
    public string BotName { get; set; } = "Platform Bot";

    /// <summary>The shard count GET /gateway/bot recommends.</summary>
    public int Shards { get; set; } = 1;
    public int MaxConcurrency { get; set; } = 1;
    public int SessionStartTotal { get; set; } = 1000;
    public int SessionStartRemaining { get; set; } = 1000;

    /// <summary>Fewer shards than this are refused with 4011, as Discord does past 2,500 guilds a shard.</summary>
    public int MinimumShards { get; set; } = 1;
    public int HeartbeatIntervalMs { get; set; } = 41_250;
    /// <summary>A connection that sends no heartbeat for this many intervals is closed (4009).</summary>
    public double HeartbeatTimeoutIntervals { get; set; } = 1.5;
    public double IdentifyIntervalSeconds { get; set; } = 5;
    public GatewayIntents EnabledPrivilegedIntents { get; set; } = GatewayIntents.Privileged;
    /// <summary>Events kept per session for RESUME to replay.</summary>
    public int ReplayCapacity { get; set; } = 200_000;

    /// <summary>Requests each REST bucket allows per window before answering 429.</summary>
    public int RestBucketLimit { get; set; } = 5;
    public double RestBucketWindowSeconds { get; set; } = 5;
    public int RestGlobalPerSecond { get; set; } = 50;
    public double InteractionResponseDeadlineSeconds { get; set; } = 3;
    public double InteractionTokenLifetimeMinutes { get; set; } = 15;

    /// <summary>The OAuth2 client secret the token endpoint accepts; the client id is <see cref="ApplicationId"/>.</summary>
    public string ClientSecret { get; set; } = "emulator-client-secret";

    /// <summary>Redirect URIs the authorize page accepts, like those registered in the developer portal; empty accepts any.</summary>
    public string[] RedirectUris { get; set; } = [];

    /// <summary>Discord's access tokens last a week; tests shorten it to see a session's Discord grant expire.</summary>
    public int OAuth2TokenLifetimeSeconds { get; set; } = 604_800;

    public int Guilds { get; set; } = 3;
    public int ChannelsPerGuild { get; set; } = 3;
    public int RolesPerGuild { get; set; } = 3;
    public int MembersPerGuild { get; set; } = 10;

    /// <summary>Uniform: every guild as the three options above say; LongTail: sizes spread from them as Discord's are.</summary>
    public World.GuildSizes GuildSizes { get; set; } = World.GuildSizes.Uniform;
}
