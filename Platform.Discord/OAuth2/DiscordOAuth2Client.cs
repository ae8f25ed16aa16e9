using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Platform.Discord.Json;
using Platform.Discord.Models;
using Platform.Discord.Rest;

namespace Platform.Discord.OAuth2;

/// <summary>
/// The OAuth2 side of Discord for a web dashboard: exchanging an authorization code or a refresh token,
/// revoking, and reading the signed-in user and their guilds with the bearer token.
/// A refused grant surfaces as <see cref="DiscordOAuth2Exception"/>, any other error as <see cref="DiscordApiException"/>.
/// </summary>
public sealed class DiscordOAuth2Client(HttpClient http, DiscordOAuth2Options options)
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    public Task<AccessTokenResponse> ExchangeCodeAsync(string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri.ToString(),
            ["code_verifier"] = codeVerifier,
        }, cancellationToken);

    public Task<AccessTokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        RequestTokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, cancellationToken);

    public async Task RevokeAsync(string token, string tokenTypeHint, CancellationToken cancellationToken)
    {
        using var response = await PostFormAsync("oauth2/token/revoke",
            new Dictionary<string, string> { ["token"] = token, ["token_type_hint"] = tokenTypeHint }, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public Task<User> GetCurrentUserAsync(string accessToken, CancellationToken cancellationToken) =>
        GetAsync("users/@me", accessToken, Json.User, cancellationToken);

    /// <summary>The user's guilds (Discord's page of up to 200; users are limited to 200 guilds without Nitro's 500).</summary>
    public Task<IReadOnlyList<PartialGuild>> GetCurrentUserGuildsAsync(string accessToken, CancellationToken cancellationToken) =>
        GetAsync("users/@me/guilds?limit=200", accessToken, Json.IReadOnlyListPartialGuild, cancellationToken);

    private async Task<AccessTokenResponse> RequestTokenAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var response = await PostFormAsync("oauth2/token", form, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(Json.AccessTokenResponse, cancellationToken)
            ?? throw new JsonException("oauth2/token returned no body.");
    }

    private async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.ApiBaseAddress, path))
        {
            Content = new FormUrlEncodedContent(form),
        };
        var credentials = Encoding.UTF8.GetBytes($"{options.ClientId}:{options.ClientSecret}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
        return await http.SendAsync(request, cancellationToken);
    }

    private async Task<T> GetAsync<T>(string path, string accessToken, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.ApiBaseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(type, cancellationToken) ?? throw new JsonException($"{path} returned no body.");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType == "application/json" && (int)response.StatusCode is 400 or 401)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (TryReadGrantError(body) is { } refused)
            {
                throw refused;
            }
        }

        throw await DiscordApiException.FromResponseAsync(response, cancellationToken);
    }

    private static DiscordOAuth2Exception? TryReadGrantError(string body)
    {
        try
        {
            var error = JsonSerializer.Deserialize(body, Json.OAuth2ErrorBody);
            return error?.Error is { Length: > 0 } code ? new DiscordOAuth2Exception(code, error.ErrorDescription) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
