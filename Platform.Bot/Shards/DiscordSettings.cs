using Platform.Discord.Gateway;
using Platform.Discord.Rest;

namespace Platform.Bot.Shards;

/// <summary>The bot's <c>Discord</c> configuration section: the token, where Discord is, and the intents.</summary>
public sealed class DiscordSettings
{
    public const string Section = "Discord";

    public string Token { get; set; } = "";

    /// <summary>Discord's REST base with the version; the AppHost points it at the emulator in local runs.</summary>
    public Uri RestBaseAddress { get; set; } = new(DiscordRestOptions.DiscordApiBase);

    /// <summary>
    /// GUILD_MEMBERS is privileged (enable "Server Members Intent" in the developer portal): with it, a member
    /// who loses a role or leaves loses dashboard access within seconds (<see cref="Guilds.AccessChanges"/>).
    /// </summary>
    public GatewayIntents Intents { get; set; } = GatewayIntents.Guilds | GatewayIntents.GuildMembers | GatewayIntents.GuildMessages;
}
