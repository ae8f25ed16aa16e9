using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Platform.Benchmarks;

/// <summary>
/// Which types a run allocates, from the runtime's own sampling (one <c>GCAllocationTick</c> per about
/// 100 KB allocated, naming the type that crossed the line): where the bytes per event go, without a
/// profiler attached. Verbose GC events cost a little themselves, so a run samples only when asked to.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> bytesByType = new();
    private volatile bool sampling;

    /// <summary>Set <c>BENCH_ALLOCATION_TYPES=1</c> to sample a run.</summary>
    public static AllocationSampler? StartIfAsked() =>
        Environment.GetEnvironmentVariable("BENCH_ALLOCATION_TYPES") == "1" ? new AllocationSampler() : null;

    public void Start()
    {
        bytesByType.Clear();
        sampling = true;
    }

    /// <summary>The types that took the most sampled bytes, with each one's share of them.</summary>
    public IReadOnlyList<object> Top(int count)
    {
        var total = Math.Max(1, bytesByType.Values.Sum());
        return [.. bytesByType.OrderByDescending(t => t.Value).Take(count)
            .Select(t => new { type = t.Key, share = Math.Round((double)t.Value / total, 3) })];
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (!sampling || data.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || data.PayloadNames is null)
        {
            return;
        }

        var type = data.Payload![data.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(data.Payload[data.PayloadNames.IndexOf("AllocationAmount64")]);
        bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
