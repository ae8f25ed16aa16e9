using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Platform.Benchmarks;

/// <summary>
/// Where a measured window's bytes are allocated: an EventPipe session on this very process records the runtime's
/// sampled allocation ticks (one per about 100 KB, naming the type) with their stacks, and each tick is put down to the
/// innermost frame of a known component, or to our own method by name. Tracing costs CPU of its own, so a run records
/// only when asked to (<c>BENCH_ALLOCATION_STACKS=1</c>) and its CPU figures then do not count.
/// </summary>
internal sealed class AllocationStacks
{
    private static readonly string[] Components =
    [
        "Platform.", "Npgsql.", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.ServiceDiscovery", "OpenTelemetry",
        "Microsoft.Extensions.DependencyInjection", "System.Net.Http.DiagnosticsHandler", "System.Net.Http", "StackExchange",
        "Microsoft.Extensions.Logging", "System.Diagnostics.ActivitySource", "System.Net.Sockets", "System.Threading.Channels",
    ];

    private readonly string file = Path.Combine(Path.GetTempPath(), $"allocations-{Environment.ProcessId}-{Guid.NewGuid():N}.nettrace");
    private readonly EventPipeSession session;
    private readonly Task recording;

    private AllocationStacks()
    {
        session = new DiagnosticsClient(Environment.ProcessId).StartEventPipeSession(
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC),
            requestRundown: true);
        recording = CopyAsync(session.EventStream, file);
    }

    public static AllocationStacks? StartIfAsked() =>
        Environment.GetEnvironmentVariable("BENCH_ALLOCATION_STACKS") == "1" ? new AllocationStacks() : null;

    /// <summary>Ends the recording; the places that took the most sampled bytes, with each one's share of them.</summary>
    public async Task<IReadOnlyList<object>> StopAsync(int count)
    {
        session.Stop();
        await recording;
        var etlx = TraceLog.CreateFromEventPipeDataFile(file);
        try
        {
            using var log = new TraceLog(etlx);
            var bytes = new Dictionary<string, long>();
            // TraceEvents enumerates only as IEnumerable<TraceEvent>: OfType would take the non-generic way, which throws.
            foreach (var traced in log.Events)
            {
                if (traced is not GCAllocationTickTraceData tick)
                {
                    continue;
                }

                var where = Place(tick);
                bytes[where] = bytes.GetValueOrDefault(where) + tick.AllocationAmount64;
            }

            var total = Math.Max(1, bytes.Values.Sum());
            return [.. bytes.OrderByDescending(b => b.Value).Take(count)
                .Select(b => new { where = b.Key, share = Math.Round((double)b.Value / total, 3) })];
        }
        finally
        {
            File.Delete(etlx);
            File.Delete(file);
        }
    }

    private static string Place(GCAllocationTickTraceData tick)
    {
        for (var frame = tick.CallStack(); frame is not null; frame = frame.Caller)
        {
            var method = frame.CodeAddress.FullMethodName;
            if (!string.IsNullOrEmpty(method) && Components.FirstOrDefault(method.StartsWith) is { } component)
            {
                return component == "Platform." ? $"{tick.TypeName} @ {method.Split('(')[0]}" : component;
            }
        }

        return $"{tick.TypeName} (elsewhere)";
    }

    private static async Task CopyAsync(Stream events, string path)
    {
        await using var output = File.Create(path);
        await events.CopyToAsync(output);
    }
}
