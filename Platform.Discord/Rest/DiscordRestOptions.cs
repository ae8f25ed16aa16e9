namespace Platform.Discord.Rest;

public sealed record DiscordRestOptions
{
    public const string DiscordApiBase = "https://discord.com/api/v10/";

    public required string Token { get; init; }

    /// <summary>The REST base, version included; point it at an emulator in development and tests.</summary>
    public Uri BaseAddress { get; init; } = new(DiscordApiBase);

    /// <summary>Discord asks every bot to name itself as <c>DiscordBot (url, version)</c>; set this to your project's address.</summary>
    public string UserAgentUrl { get; init; } = "https://example.invalid/platform-discord";
}
