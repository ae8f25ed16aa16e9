using Platform.Discord.Rest;

namespace Platform.Api.Auth;

/// <summary>The api's <c>Discord</c> section: the application's OAuth2 credentials, the bot's token and where Discord is.</summary>
public sealed class DiscordAppSettings
{
    public const string Section = "Discord";

    /// <summary>The application id, which is also the OAuth2 client id and keys the bot's Redis names.</summary>
    public ulong ClientId { get; set; }

    public string ClientSecret { get; set; } = "";

    /// <summary>The bot's token, for reading a member's roles when a grant names a role.</summary>
    public string Token { get; set; } = "";

    public Uri RestBaseAddress { get; set; } = new(DiscordRestOptions.DiscordApiBase);

    /// <summary>Where browsers approve the sign-in; the emulator's page in local runs.</summary>
    public Uri AuthorizeEndpoint { get; set; } = new("https://discord.com/oauth2/authorize");
}

/// <summary>The api's <c>Dashboard</c> section: the public callback page, sessions and who owns the bot.</summary>
public sealed class DashboardSettings
{
    public const string Section = "Dashboard";

    /// <summary>The frontend's public callback page, registered as a redirect URI in the developer portal.</summary>
    public Uri RedirectUri { get; set; } = new("http://localhost:3000/auth/callback");

    /// <summary>Discord user ids, comma-separated, that see the platform-wide pages (shards, every guild).</summary>
    public string BotOwners { get; set; } = "";

    public IReadOnlySet<ulong> BotOwnerIds =>
        field ??= BotOwners
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id =>
                ulong.TryParse(id, out var userId)
                    ? userId
                    : throw new FormatException($"Dashboard:BotOwners: '{id}' is not a Discord user id."))
            .ToHashSet();

    /// <summary>A session unused this long ends; every request pushes the end back.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A session ends this long after sign-in however much it is used.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How old the user's guild list and permissions may get before they are read from Discord again.</summary>
    public TimeSpan GuildListMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long Discord's word on who owns the application is kept: a lost ownership lasts at most this long.</summary>
    public TimeSpan ApplicationOwnersMaxAge { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Permissions the bot asks for in invite links (View Channels, Send Messages, Embed Links, Read History, Use Slash Commands).</summary>
    public ulong InvitePermissions { get; set; } = 2147601408;
}
