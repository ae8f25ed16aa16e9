using Platform.Discord.Models;

namespace Platform.Discord.OAuth2;

/// <summary>POST /oauth2/token's answer for the authorization_code and refresh_token grants.</summary>
public sealed record AccessTokenResponse(string AccessToken, string TokenType, int ExpiresIn, string Scope) : DiscordObject
{
    public string? RefreshToken { get; init; }
}

/// <summary>GET /oauth2/@me: what the bearer token is for.</summary>
public sealed record CurrentAuthorization(Application Application, IReadOnlyList<string> Scopes, DateTimeOffset Expires) : DiscordObject
{
    public User? User { get; init; }
}
