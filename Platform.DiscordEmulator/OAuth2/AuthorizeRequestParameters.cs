using Microsoft.Extensions.Options;

namespace Platform.DiscordEmulator.OAuth2;

/// <summary>The authorize page's parameters, from the query (the page) or the form (the approval), checked as Discord checks them.</summary>
public sealed record AuthorizeRequestParameters(
    string? ClientId, string? ResponseType, string? RedirectUri, string? Scope, string? State, string? CodeChallenge, string? CodeChallengeMethod)
{
    public static readonly string[] Names =
    [
        "client_id",
        "response_type",
        "redirect_uri",
        "scope",
        "state",
        "code_challenge",
        "code_challenge_method"];

    public static AuthorizeRequestParameters From(Func<string, string?> read) =>
        new(
            read("client_id"),
            read("response_type"),
            read("redirect_uri"),
            read("scope"),
            read("state"),
            read("code_challenge"),
            read("code_challenge_method"));

    public IEnumerable<KeyValuePair<string, string?>> Pairs =>
        Names.Zip([ClientId, ResponseType, RedirectUri, Scope, State, CodeChallenge, CodeChallengeMethod], KeyValuePair.Create);

    /// <summary>Why Discord would show its error page instead of the consent screen, or null when it would not.</summary>
    public string? Problem(EmulatorOptions options)
    {
        if (ClientId != options.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return "Unknown client_id.";
        }

        if (ResponseType != "code")
        {
            return "Unsupported response_type: only the authorization code flow is emulated.";
        }

        if (!Uri.TryCreate(RedirectUri, UriKind.Absolute, out _) || (options.RedirectUris.Length > 0 && !options.RedirectUris.Contains(RedirectUri)))
        {
            return "Invalid OAuth2 redirect_uri.";
        }

        if (string.IsNullOrWhiteSpace(Scope))
        {
            return "No scope requested.";
        }

        if (CodeChallenge is not null && CodeChallengeMethod != "S256")
        {
            return "Unsupported code_challenge_method: only S256.";
        }

        return null;
    }
}
