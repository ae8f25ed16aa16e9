namespace Platform.Discord.OAuth2;

/// <summary>The token endpoint refused a grant (RFC 6749 §5.2): <c>invalid_grant</c> for a used, expired or foreign code or refresh token.</summary>
public sealed class DiscordOAuth2Exception(string error, string? description)
    : Exception($"Discord refused the grant: {error}{(description is null ? "" : $" ({description})")}")
{
    public const string InvalidGrant = "invalid_grant";

    public string Error { get; } = error;
}

/// <summary>An OAuth2 error body: <c>{"error": "invalid_grant", "error_description": "..."}</c>.</summary>
public sealed record OAuth2ErrorBody(string? Error, string? ErrorDescription);
