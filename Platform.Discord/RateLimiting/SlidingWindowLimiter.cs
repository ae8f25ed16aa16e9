namespace Platform.Discord.RateLimiting;

/// <summary>
/// At most <c>limit</c> permits in any span of <c>window</c>, exactly: a log of recent permits,
/// not a bucket refilled on a timer, which can let through twice the limit across a refill.
/// Callers may keep part of the limit in reserve for callers that must never wait on others.
/// </summary>
internal sealed class SlidingWindowLimiter(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Queue<long> granted = new();
    private readonly Lock gate = new();

    /// <param name="reserve">Permits this caller leaves unused for callers passing a smaller reserve.</param>
    public async ValueTask WaitAsync(int reserve, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = time.GetTimestamp();
                while (granted.Count > 0 && time.GetElapsedTime(granted.Peek(), now) >= window)
                {
                    granted.Dequeue();
                }

                if (granted.Count < limit - reserve)
                {
                    granted.Enqueue(now);
                    return;
                }

                wait = window - time.GetElapsedTime(granted.Peek(), now);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
