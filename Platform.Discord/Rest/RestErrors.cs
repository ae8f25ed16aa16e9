using Platform.Discord.Models;

namespace Platform.Discord.Rest;

/// <summary>The body of a 429: how long to wait, and whether the limit hit was the global one.</summary>
public sealed record RateLimitedBody(string Message, double RetryAfter, bool Global) : DiscordObject
{
    public int? Code { get; init; }
}

/// <summary>Discord's error body: a JSON error code, a message, and for 50035 the invalid fields.</summary>
public sealed record DiscordErrorBody(int Code, string Message) : DiscordObject
{
    public System.Text.Json.JsonElement? Errors { get; init; }
}
