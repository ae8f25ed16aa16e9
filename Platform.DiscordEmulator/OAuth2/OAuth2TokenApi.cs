using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Discord.OAuth2;

namespace Platform.DiscordEmulator.OAuth2;

/// <summary>
/// POST /oauth2/token (authorization_code with PKCE, refresh_token) and /oauth2/token/revoke. Only a
/// form body is accepted, as on Discord; the client authenticates with HTTP Basic or in the body.
/// </summary>
public static class OAuth2TokenApi
{
    public static IEndpointRouteBuilder MapOAuth2TokenApi(this IEndpointRouteBuilder api)
    {
        var oauth2 = api.MapGroup("/oauth2/token").DisableAntiforgery();

        oauth2.MapPost("", async (HttpRequest request, OAuth2Grants grants, IOptions<EmulatorOptions> options) =>
        {
            if (await ReadClientFormAsync(request, options.Value) is not { } form)
            {
                return Error(StatusCodes.Status401Unauthorized, "invalid_client", null);
            }

            var (tokens, refusal) = form["grant_type"].ToString() switch
            {
                "authorization_code" => grants.Redeem(
                    form["code"].ToString(),
                    form["redirect_uri"],
                    form["code_verifier"]),
                "refresh_token" => grants.Refresh(form["refresh_token"].ToString()) is { } refreshed
                    ? (refreshed, null)
                    : (null, "Invalid \"refresh_token\" in request."),
                _ => (null, null),
            };
            return tokens is not null ? Results.Json(tokens, Platform.Discord.Json.DiscordJsonContext.Default.AccessTokenResponse)
                : refusal is not null ? Error(StatusCodes.Status400BadRequest, DiscordOAuth2Exception.InvalidGrant, refusal)
                : Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", null);
        });

        oauth2.MapPost("/revoke", async (HttpRequest request, OAuth2Grants grants, IOptions<EmulatorOptions> options) =>
        {
            if (await ReadClientFormAsync(request, options.Value) is not { } form)
            {
                return Error(StatusCodes.Status401Unauthorized, "invalid_client", null);
            }

            grants.Revoke(form["token"].ToString());
            return Results.Ok();
        });

        return api;
    }

    /// <summary>The form, when it comes from the application with its secret; null otherwise.</summary>
    private static async Task<IFormCollection?> ReadClientFormAsync(HttpRequest request, EmulatorOptions options)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        var form = await request.ReadFormAsync();
        var (clientId, secret) = BasicCredentials(request) ?? (form["client_id"].ToString(), form["client_secret"].ToString());
        return clientId == options.ApplicationId.ToString(CultureInfo.InvariantCulture) && secret == options.ClientSecret ? form : null;
    }

    private static (string, string)? BasicCredentials(HttpRequest request)
    {
        if (
            !AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || header.Scheme != "Basic"
            || header.Parameter is null)
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
            return pair.Length == 2 ? (pair[0], pair[1]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static IResult Error(int status, string error, string? description) =>
        Results.Json(new OAuth2ErrorBody(error, description), Platform.Discord.Json.DiscordJsonContext.Default.OAuth2ErrorBody, statusCode: status);
}
