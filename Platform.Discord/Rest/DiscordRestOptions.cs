namespace Platform.Discord.Rest;

public sealed record DiscordRestOptions
{
    public const string DiscordApiBase = "https://discord.com/api/v10/";

    public required string Token { get; init; }

    /// <summary>The REST base, version included; point it at an emulator in development and tests.</summary>
    public Uri BaseAddress { get; init; } = new(DiscordApiBase);

    /// <summary>Discord asks every bot to name itself as <c>DiscordBot (url, version)</c>; set this to your project's address.</summary>
    public string UserAgentUrl { get; init; } = "https://example.invalid/platform-discord";

    /// <summary>Discord allows 50 requests a second per bot, across all routes.</summary>
    public int GlobalRequestsPerSecond { get; init; } = 50;

    /// <summary>Rejected requests (401, 403, 429) in ten minutes after which the client stops sending; Discord bans at 10,000.</summary>
    public int InvalidRequestLimit { get; init; } = 2_500;

    public int MaxRateLimitRetries { get; init; } = 5;

    public int MaxServerErrorRetries { get; init; } = 3;
}
