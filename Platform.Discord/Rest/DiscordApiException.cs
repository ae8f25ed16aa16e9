using System.Net;
using System.Text.Json;
using Platform.Discord.Json;

namespace Platform.Discord.Rest;

/// <summary>An error answer from the REST API, with Discord's JSON error code (10062 unknown interaction, 50035 invalid form body, ...).</summary>
public sealed class DiscordApiException(HttpStatusCode status, int? code, string message, JsonElement? errors = null)
    : Exception($"Discord answered {(int)status}{(code is null ? "" : $" (code {code})")}: {message}")
{
    public const int UnknownInteraction = 10062;
    public const int UnknownWebhook = 10015;
    public const int InteractionAlreadyAcknowledged = 40060;
    public const int InvalidFormBody = 50035;

    public HttpStatusCode Status { get; } = status;

    public int? Code { get; } = code;

    /// <summary>For 50035, which fields were invalid and why.</summary>
    public JsonElement? Errors { get; } = errors;

    internal static async Task<DiscordApiException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var error = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordErrorBody);
            return error is null
                ? new DiscordApiException(response.StatusCode, null, body)
                : new DiscordApiException(response.StatusCode, error.Code, error.Message, error.Errors);
        }
        catch (JsonException)
        {
            return new DiscordApiException(response.StatusCode, null, body.Length > 0 ? body : response.ReasonPhrase ?? "no body");
        }
    }
}
