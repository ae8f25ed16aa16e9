using System.Collections.Concurrent;

namespace Platform.Discord.Gateway;

/// <summary>Identify pacing for shards that all run in this process.</summary>
/// <param name="bucketInterval">Discord's rule is five seconds; only a test against an emulator configured likewise should change it.</param>
public sealed class InProcessIdentifyCoordinator(TimeProvider time, TimeSpan bucketInterval) : IIdentifyCoordinator
{
    public static readonly TimeSpan DiscordBucketInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Added to the interval because the IDENTIFY leaves a moment after permission is given, and
    /// two sends of one bucket must not reach Discord closer together than the rule allows.
    /// </summary>
    public static readonly TimeSpan SendAllowance = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<int, Bucket> buckets = new();

    private TimeSpan Hold => bucketInterval + SendAllowance;

    public InProcessIdentifyCoordinator() : this(TimeProvider.System, DiscordBucketInterval)
    {
    }

    public async ValueTask WaitToIdentifyAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        var bucket = buckets.GetOrAdd(shardId % Math.Max(1, maxConcurrency), _ => new Bucket());

        // Waiters queue on the bucket in arrival order, so shards start bucket by bucket in id order.
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            // Again after each wait: the shard before may have moved the time on when its IDENTIFY left.
            TimeSpan wait;
            while ((wait = bucket.NextAllowed - time.GetUtcNow()) > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            bucket.NotBefore(time.GetUtcNow() + Hold);
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    public ValueTask IdentifySentAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        buckets[shardId % Math.Max(1, maxConcurrency)].NotBefore(time.GetUtcNow() + Hold);
        return ValueTask.CompletedTask;
    }

    private sealed class Bucket
    {
        private readonly Lock gate = new();
        private DateTimeOffset nextAllowed = DateTimeOffset.MinValue;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset NextAllowed
        {
            get
            {
                lock (gate)
                {
                    return nextAllowed;
                }
            }
        }

        /// <summary>Moves the next IDENTIFY's time on to <paramref name="time"/>, never back.</summary>
        public void NotBefore(DateTimeOffset time)
        {
            lock (gate)
            {
                nextAllowed = time > nextAllowed ? time : nextAllowed;
            }
        }
    }
}
