
namespace Platform.Discord.Rest.RateLimiting;

/// <summary>
/// Counts 401, 403 and 429 answers over ten minutes. Discord bans an IP for a while after 10,000 of
/// them, so the client stops sending well before that.
/// </summary>
internal sealed class InvalidRequestGuard(int limit, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Queue<DateTimeOffset> recent = new();
    private readonly Lock gate = new();

    public void Record()
    {
        lock (gate)
        {
            recent.Enqueue(time.GetUtcNow());
        }
    }

    public void ThrowIfExhausted()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            while (recent.Count > 0 && now - recent.Peek() > Window)
            {
                recent.Dequeue();
            }

            if (recent.Count >= limit)
            {
                throw new DiscordInvalidRequestLimitException(limit, recent.Peek() + Window - now);
            }
        }
    }
}
