using System.Diagnostics;

namespace Platform.Benchmarks;

/// <summary>
/// One client's run of the gateway ingest benchmark: a warm-up, then measured windows of <see cref="Events"/>
/// MESSAGE_CREATE events sent at <see cref="Rate"/> a second (or as fast as the client reads them), each reported
/// with the CPU time of the client and of the emulator per event, from the kernel's counts.
/// </summary>
internal sealed record IngestRun(Uri Emulator, string Token, int Events, double? Rate, bool Compress, int EmulatorPid)
{
    // With the emulator's author and ids this makes a frame of about 700 bytes.
    private const int ContentLength = 380;
    private const int WarmUpEvents = 20_000;
    private const int SettledCompilations = 10;
    private const int MaxWarmUpSpells = 30;

    private readonly EmulatorControl control = new(Emulator);

    public async Task StreamAsync(int events)
    {
        using var response = await control.StreamAsync(events, ContentLength, Rate);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Tiered compilation goes on for seconds under load, and code still being compiled costs more per event: spells of
    /// <paramref name="readEvents"/> until one compiles almost nothing, so that the windows measure settled code.
    /// </summary>
    public async Task WarmUpAsync(Func<int, Task> readEvents)
    {
        for (var spell = 0; spell < MaxWarmUpSpells; spell++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await Task.WhenAll(StreamAsync(WarmUpEvents), readEvents(WarmUpEvents));
            if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < SettledCompilations)
            {
                return;
            }
        }
    }

    /// <summary>Streams <see cref="Events"/> while <paramref name="read"/> takes them, and prints what it cost.</summary>
    public async Task MeasureAsync(string client, string read, Func<int, Task> readEvents)
    {
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0Before = GC.CollectionCount(0);
        var self = ProcessSample.Read(Environment.ProcessId);
        var emulator = ProcessSample.Read(EmulatorPid);
        var timer = Stopwatch.StartNew();
        var stream = StreamAsync(Events);
        await readEvents(Events);
        var seconds = timer.Elapsed.TotalSeconds;
        var selfAfter = ProcessSample.Read(Environment.ProcessId);
        var emulatorAfter = ProcessSample.Read(EmulatorPid);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await stream;

        Measurements.Print(new
        {
            client,
            read,
            compress = Compress,
            targetRate = Rate,
            events = Events,
            seconds = Math.Round(seconds, 3),
            eventsPerSecond = Math.Round(Events / seconds),
            cpuUsPerEvent = ProcessSample.CpuPerEvent(self, selfAfter, Events),
            emulatorCpuUsPerEvent = ProcessSample.CpuPerEvent(emulator, emulatorAfter, Events),
            bytesAllocatedPerEvent = Math.Round((double)allocated / Events, 1),
            gen0Collections = GC.CollectionCount(0) - gen0Before,
            rssMiB = selfAfter.RssMiB,
            peakRssMiB = selfAfter.PeakRssMiB,
        });
    }
}
