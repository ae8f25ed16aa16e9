using System.Net;

namespace Platform.Discord.Rest;

/// <summary>An error answer from the REST API, with Discord's JSON error code (10062 unknown interaction, 50035 invalid form body, ...).</summary>
public sealed class DiscordApiException(HttpStatusCode status, int? code, string message)
    : Exception($"Discord answered {(int)status}{(code is null ? "" : $" (code {code})")}: {message}")
{
    public HttpStatusCode Status { get; } = status;

    public int? Code { get; } = code;
}
