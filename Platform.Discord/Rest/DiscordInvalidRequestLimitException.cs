namespace Platform.Discord.Rest;

/// <summary>The client refused to send: too many recent requests were rejected (401, 403, 429).</summary>
public sealed class DiscordInvalidRequestLimitException(int limit, TimeSpan retryAfter)
    : Exception($"{limit} requests were rejected in the last ten minutes; not sending for {retryAfter:g}, to keep Discord from banning this IP.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
