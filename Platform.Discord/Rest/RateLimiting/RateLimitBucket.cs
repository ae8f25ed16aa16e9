namespace Platform.Discord.Rest.RateLimiting;

/// <summary>
/// One rate-limit bucket as Discord last described it. Requests in a bucket go one at a time, so
/// each sees the remaining count the previous answer left.
/// </summary>
internal sealed class RateLimitBucket
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public int? Remaining { get; private set; }

    public DateTimeOffset ResetAt { get; private set; }

    public async ValueTask WaitForCapacityAsync(TimeProvider time, TimeSpan offset, CancellationToken cancellationToken)
    {
        if (Remaining == 0 && ResetAt > time.GetUtcNow())
        {
            await Task.Delay(ResetAt - time.GetUtcNow() + offset, time, cancellationToken);
        }

        if (Remaining == 0)
        {
            Remaining = null;
        }
    }

    public void Update(int? remaining, TimeSpan? resetAfter, DateTimeOffset now)
    {
        Remaining = remaining ?? Remaining;
        if (resetAfter is { } after)
        {
            ResetAt = now + after;
        }
    }

    public void Block(TimeSpan retryAfter, DateTimeOffset now)
    {
        Remaining = 0;
        ResetAt = now + retryAfter;
    }
}
