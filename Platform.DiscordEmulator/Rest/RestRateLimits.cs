using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Discord.Rest;

namespace Platform.DiscordEmulator.Rest;

/// <summary>
/// Discord's REST rate limits as the emulator applies them: a bucket per route and top-level
/// resource, the global per-second limit (interaction callbacks exempt), 429 storms on demand,
/// and the count of rejected requests that would get an IP banned.
/// </summary>
public sealed class RestRateLimits(IOptions<EmulatorOptions> options, TimeProvider time)
{
    /// <summary>How often windows that ended are forgotten: most top-level resources are interactions, a new one each time.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, string> bucketIds = new();
    private readonly ConcurrentDictionary<string, Window> buckets = new();
    private readonly ConcurrentQueue<DateTimeOffset> invalidRequests = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> storms = new();
    private readonly ConcurrentDictionary<string, (int Remaining, int Status)> failures = new();
    private readonly Lock globalGate = new();
    private Window global = new(DateTimeOffset.MinValue, 0);
    private long nextSweep = (time.GetUtcNow() + SweepInterval).UtcTicks;

    internal int WindowCount => buckets.Count;

    /// <summary>Delay added before every REST answer, to emulate a slow or distant Discord.</summary>
    public TimeSpan Latency { get; set; }

    public int InvalidRequestsLastTenMinutes
    {
        get
        {
            var cutoff = time.GetUtcNow().AddMinutes(-10);
            return invalidRequests.Count(at => at > cutoff);
        }
    }

    public void RecordInvalid() => invalidRequests.Enqueue(time.GetUtcNow());

    /// <summary>Answers every request whose route starts with <paramref name="routePrefix"/> ("global": all routes) with 429 for a while.</summary>
    public void StartStorm(string routePrefix, TimeSpan duration) => storms[routePrefix] = time.GetUtcNow() + duration;

    /// <summary>
    /// Answers the next <paramref name="count"/> requests whose route starts with <paramref name="routePrefix"/> with
    /// <paramref name="status"/>.
    /// </summary>
    public void FailNext(string routePrefix, int count, int status) => failures[routePrefix] = (count, status);

    /// <summary>The status to fail this request with, if a failure is pending for its route.</summary>
    public int? TakeFailure(string routeTemplate)
    {
        foreach (var (prefix, failure) in failures)
        {
            if (routeTemplate.StartsWith(prefix, StringComparison.Ordinal) && failure.Remaining > 0
                && failures.TryUpdate(prefix, failure with { Remaining = failure.Remaining - 1 }, failure))
            {
                return failure.Status;
            }
        }

        return null;
    }

    public RateLimitDecision Check(string routeTemplate, string topLevelResource, bool exemptFromGlobal)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var bucketId = bucketIds.GetOrAdd(routeTemplate, static template =>
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(template)))[..10]);
        ForgetEndedWindows(now);

        if (ActiveStorm(routeTemplate, now) is { } stormEnd)
        {
            var global = storms.ContainsKey("global") && stormEnd == storms["global"];
            return RateLimitDecision.Limited(bucketId, settings.RestBucketLimit, stormEnd - now, global);
        }

        if (!exemptFromGlobal && !TakeGlobal(now, settings.RestGlobalPerSecond, out var globalRetry))
        {
            return RateLimitDecision.Limited(bucketId, settings.RestBucketLimit, globalRetry, global: true);
        }

        var windowLength = TimeSpan.FromSeconds(settings.RestBucketWindowSeconds);
        if (routeTemplate.EndsWith(RestRoute.InteractionCallbackTemplate, StringComparison.Ordinal))
        {
            // An interaction is answered once (a second callback is refused as acknowledged already), so its
            // window would only be kept for the sweep, a thousand a second under load, for the GC to copy.
            return new RateLimitDecision(bucketId, settings.RestBucketLimit, settings.RestBucketLimit - 1, windowLength, null, false);
        }

        var window = buckets.AddOrUpdate($"{bucketId}:{topLevelResource}",
            _ => new Window(now + windowLength, 1),
            (_, current) => current.ResetAt <= now ? new Window(now + windowLength, 1) : current with { Used = current.Used + 1 });

        return window.Used > settings.RestBucketLimit
            ? RateLimitDecision.Limited(bucketId, settings.RestBucketLimit, window.ResetAt - now, global: false)
            : new RateLimitDecision(bucketId, settings.RestBucketLimit, settings.RestBucketLimit - window.Used, window.ResetAt - now, null, false);
    }

    private void ForgetEndedWindows(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref nextSweep);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweep, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var entry in buckets)
        {
            if (entry.Value.ResetAt <= now)
            {
                buckets.TryRemove(entry);
            }
        }
    }

    private DateTimeOffset? ActiveStorm(string routeTemplate, DateTimeOffset now) =>
        storms.Where(storm => storm.Value > now && (storm.Key == "global" || routeTemplate.StartsWith(storm.Key, StringComparison.Ordinal)))
            .Select(storm => (DateTimeOffset?)storm.Value)
            .Max();

    private bool TakeGlobal(DateTimeOffset now, int perSecond, out TimeSpan retryAfter)
    {
        lock (globalGate)
        {
            if (global.ResetAt <= now)
            {
                global = new Window(now.AddSeconds(1), 0);
            }

            retryAfter = global.ResetAt - now;
            if (global.Used >= perSecond)
            {
                return false;
            }

            global = global with { Used = global.Used + 1 };
            return true;
        }
    }

    private sealed record Window(DateTimeOffset ResetAt, int Used);
}

public sealed record RateLimitDecision(string BucketId, int Limit, int Remaining, TimeSpan ResetAfter, TimeSpan? RetryAfter, bool Global)
{
    public static RateLimitDecision Limited(string bucketId, int limit, TimeSpan retryAfter, bool global) =>
        new(bucketId, limit, 0, retryAfter, retryAfter, global);

    public string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
