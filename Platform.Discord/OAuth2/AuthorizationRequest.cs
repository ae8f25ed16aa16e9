using System.Security.Cryptography;
using System.Text;

namespace Platform.Discord.OAuth2;

/// <summary>
/// One sign-in attempt: the <c>state</c> that ties Discord's redirect back to it and the PKCE verifier
/// that only its starter knows. Keep both server-side until the callback.
/// </summary>
public sealed record AuthorizationRequest(string State, string CodeVerifier)
{
    public static AuthorizationRequest Create() => new(RandomToken(32), RandomToken(48));

    /// <summary>The S256 challenge of <see cref="CodeVerifier"/> (RFC 7636).</summary>
    public string CodeChallenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier)));

    public Uri AuthorizeUrl(DiscordOAuth2Options options, Uri redirectUri, IEnumerable<string> scopes)
    {
        var query = string.Join('&',
            Pair("response_type", "code"),
            Pair("client_id", options.ClientId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Pair("scope", string.Join(' ', scopes)),
            Pair("state", State),
            Pair("redirect_uri", redirectUri.ToString()),
            Pair("prompt", "consent"),
            Pair("code_challenge", CodeChallenge),
            Pair("code_challenge_method", "S256"));
        return new UriBuilder(options.AuthorizeEndpoint) { Query = query }.Uri;
    }

    /// <summary>Whether <paramref name="verifier"/> answers <paramref name="challenge"/>, as the token endpoint checks it.</summary>
    public static bool Verifies(string verifier, string challenge) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))), Encoding.ASCII.GetBytes(challenge));

    private static string Pair(string name, string value) => $"{name}={Uri.EscapeDataString(value)}";

    private static string RandomToken(int bytes) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
