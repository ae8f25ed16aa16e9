using System.Collections.Concurrent;

namespace Platform.Modules.Preconditions;

/// <summary>Recent uses per handler and subject, in a sliding window.</summary>
internal sealed class CooldownTracker(TimeProvider time)
{
    // Above this many subjects, those with no use inside their window are dropped, so memory follows activity.
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<object, Uses> uses = new();

    /// <summary>Counts a use and returns null, or returns how long until one is allowed.</summary>
    public TimeSpan? TryUse(object key, int limit, TimeSpan window)
    {
        var now = time.GetUtcNow();
        if (uses.Count > SweepAbove)
        {
            Sweep(now);
        }

        var recent = uses.GetOrAdd(key, _ => new Uses(window));
        lock (recent)
        {
            recent.Forget(now);
            if (recent.Times.Count >= limit)
            {
                return window - (now - recent.Times.Peek());
            }

            recent.Times.Enqueue(now);
            return null;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, recent) in uses)
        {
            lock (recent)
            {
                if (recent.Forget(now))
                {
                    uses.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class Uses(TimeSpan window)
    {
        public Queue<DateTimeOffset> Times { get; } = new();

        /// <summary>Drops uses older than the window; true when none is left.</summary>
        public bool Forget(DateTimeOffset now)
        {
            while (Times.TryPeek(out var oldest) && now - oldest >= window)
            {
                Times.Dequeue();
            }

            return Times.Count == 0;
        }
    }
}
