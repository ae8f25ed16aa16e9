namespace Platform.Discord.OAuth2;

/// <summary>An application's OAuth2 credentials and where Discord (or an emulator) serves OAuth2.</summary>
public sealed record DiscordOAuth2Options
{
    /// <summary>The application's id, which Discord also uses as its OAuth2 client id.</summary>
    public required ulong ClientId { get; init; }

    public required string ClientSecret { get; init; }

    /// <summary>Where the browser is sent to approve; on another host than the API when an emulator runs.</summary>
    public Uri AuthorizeEndpoint { get; init; } = new("https://discord.com/oauth2/authorize");

    /// <summary>The REST base with the version, under which <c>oauth2/token</c> and <c>users/@me</c> live.</summary>
    public Uri ApiBaseAddress { get; init; } = new(Rest.DiscordRestOptions.DiscordApiBase);
}
