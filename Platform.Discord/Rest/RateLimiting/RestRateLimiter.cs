using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using Platform.Discord.RateLimiting;

namespace Platform.Discord.Rest.RateLimiting;

/// <summary>
/// Discord's REST limits for one bot token, shared by every caller in the process (every shard):
/// per-bucket limits learned from the X-RateLimit headers, and the global per-second limit.
/// </summary>
internal sealed class RestRateLimiter(int globalRequestsPerSecond, TimeProvider time)
{
    /// <summary>
    /// Added to every wait: reset times arrive rounded to the millisecond and timers round too, so
    /// waiting exactly as long as told can reach Discord a moment before its window ends.
    /// </summary>
    public static readonly TimeSpan Offset = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How often buckets nobody uses any more are forgotten. Every interaction has buckets of its own
    /// (its callback, its follow-ups), so a busy bot would otherwise keep one for every interaction it ever answered.
    /// </summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, string> bucketIdsByRoute = new();
    private readonly ConcurrentDictionary<string, RateLimitBucket> buckets = new();
    private readonly SlidingWindowLimiter global = new(globalRequestsPerSecond, TimeSpan.FromSeconds(1) + Offset, time);

    private DateTimeOffset globalBlockedUntil;
    private long lastSweep = time.GetTimestamp();

    internal int BucketCount => buckets.Count;

    /// <summary>Waits until the route may be called; the returned bucket's gate is held until the caller releases it.</summary>
    public async ValueTask<RateLimitBucket> AcquireAsync(RestRoute route, CancellationToken cancellationToken)
    {
        SweepIfDue();
        var (key, bucket) = BucketFor(route);
        await bucket.Gate.WaitAsync(cancellationToken);
        if (bucket.Retired)
        {
            // Forgotten while this caller waited for it, or still filed under a second key (the bucket id Discord
            // named after its first request): taken out here, so that the route's next lookup makes a fresh one.
            buckets.TryRemove(KeyValuePair.Create(key, bucket));
            bucket.Gate.Release();
            return await AcquireAsync(route, cancellationToken);
        }

        try
        {
            await bucket.WaitForCapacityAsync(time, Offset, cancellationToken);
            if (!route.ExemptFromGlobalLimit)
            {
                await WaitForGlobalAsync(cancellationToken);
            }

            return bucket;
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    public void Update(RestRoute route, RateLimitBucket bucket, HttpResponseHeaders headers)
    {
        if (Header(headers, "X-RateLimit-Bucket") is { } bucketId && bucketIdsByRoute.TryAdd(route.Name, bucketId))
        {
            // Later requests of this route (and of any other route Discord puts in the same bucket) share this state.
            buckets.TryAdd(BucketKey(bucketId, route), bucket);
        }

        var remaining = int.TryParse(Header(headers, "X-RateLimit-Remaining"), CultureInfo.InvariantCulture, out var r) ? r : (int?)null;
        bucket.Update(remaining, Seconds(Header(headers, "X-RateLimit-Reset-After")), time.GetUtcNow());
    }

    /// <summary>
    /// Ends the caller's turn in the bucket. A single-use route's bucket is forgotten at once, unless a retry
    /// must wait in it: left to the sweep, a bot answering a thousand interactions a second held 60,000
    /// callback buckets, each outliving a few hundred collections.
    /// </summary>
    public void Release(RestRoute route, RateLimitBucket bucket)
    {
        if (route.SingleUse && bucket.TryRetireHeld(time.GetUtcNow()))
        {
            buckets.TryRemove(KeyValuePair.Create(bucket.Key, bucket));
        }

        bucket.Gate.Release();
    }

    public void OnRateLimited(RateLimitBucket bucket, TimeSpan retryAfter, bool global)
    {
        if (global)
        {
            globalBlockedUntil = time.GetUtcNow() + retryAfter;
        }
        else
        {
            bucket.Block(retryAfter, time.GetUtcNow());
        }
    }

    private void SweepIfDue()
    {
        var last = Interlocked.Read(ref lastSweep);
        var now = time.GetTimestamp();
        if (time.GetElapsedTime(last, now) < SweepInterval || Interlocked.CompareExchange(ref lastSweep, now, last) != last)
        {
            return;
        }

        var utcNow = time.GetUtcNow();
        foreach (var entry in buckets)
        {
            if (entry.Value.TryRetire(utcNow))
            {
                buckets.TryRemove(entry);
            }
        }
    }

    private (string Key, RateLimitBucket Bucket) BucketFor(RestRoute route)
    {
        var key = bucketIdsByRoute.TryGetValue(route.Name, out var bucketId) ? BucketKey(bucketId, route) : $"{route.Name}:{route.TopLevelResource}";
        return (key, buckets.GetOrAdd(key, static key => new RateLimitBucket(key)));
    }

    private async ValueTask WaitForGlobalAsync(CancellationToken cancellationToken)
    {
        var blocked = globalBlockedUntil - time.GetUtcNow();
        if (blocked > TimeSpan.Zero)
        {
            await Task.Delay(blocked + Offset, time, cancellationToken);
        }

        await global.WaitAsync(reserve: 0, cancellationToken);
    }

    private static string BucketKey(string bucketId, RestRoute route) => $"{bucketId}:{route.TopLevelResource}";

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    internal static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
}
