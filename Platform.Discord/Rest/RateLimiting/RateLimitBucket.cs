namespace Platform.Discord.Rest.RateLimiting;

/// <summary>
/// One rate-limit bucket as Discord last described it. Requests in a bucket go one at a time, so
/// each sees the remaining count the previous answer left.
/// </summary>
internal sealed class RateLimitBucket(string key)
{
    /// <summary>What the limiter first filed the bucket under.</summary>
    public string Key { get; } = key;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public int? Remaining { get; private set; }

    public DateTimeOffset ResetAt { get; private set; }

    /// <summary>Forgotten by the limiter; a caller that still reached it looks the route up again.</summary>
    public bool Retired { get; private set; }

    /// <summary>
    /// Retires the bucket when nobody holds it and what Discord last said of it has expired, so that
    /// forgetting it loses nothing: the next request in it starts afresh, as the first one did.
    /// </summary>
    public bool TryRetire(DateTimeOffset now)
    {
        if (ResetAt > now || !Gate.Wait(0))
        {
            return false;
        }

        Retired = true;
        Gate.Release();
        return true;
    }

    /// <summary>Retires the bucket its caller holds, unless Discord said to wait: a limited request's retry must still wait in it.</summary>
    public bool TryRetireHeld(DateTimeOffset now)
    {
        if (ExhaustedAt(now))
        {
            return false;
        }

        Retired = true;
        return true;
    }

    public async ValueTask WaitForCapacityAsync(TimeProvider time, TimeSpan offset, CancellationToken cancellationToken)
    {
        if (ExhaustedAt(time.GetUtcNow()))
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

    /// <summary>Discord said no request may go in this bucket before its reset.</summary>
    private bool ExhaustedAt(DateTimeOffset now) => Remaining == 0 && ResetAt > now;
}
