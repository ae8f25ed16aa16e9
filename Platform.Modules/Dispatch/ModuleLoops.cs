using System.Diagnostics;
using Platform.Modules.Catalog;

namespace Platform.Modules.Dispatch;

/// <summary>
/// Runs the modules' <c>[Loop]</c> methods from start-up until shutdown, each on its own timer. A run that is
/// still going when its next tick comes delays that tick rather than overlapping it.
/// </summary>
internal sealed class ModuleLoops(ModuleCatalog catalog, UnattendedRuns runs, TimeProvider time) : IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task running = Task.CompletedTask;

    public void Start()
    {
        var loops = catalog.Modules.SelectMany(m => m.Loops);
        running = Task.WhenAll(loops.Select(loop => Task.Run(() => RunAsync(loop, stopping.Token))));
    }

    /// <summary>Cancels the loops and waits for runs in progress; the host may call it more than once.</summary>
    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        await running;
    }

    public void Dispose() => stopping.Dispose();

    private async Task RunAsync(LoopInfo loop, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(loop.Interval, time);
        try
        {
            do
            {
                var started = Stopwatch.GetTimestamp();
                var outcome = await runs.RunAsync(
                    loop,
                    $"loop {loop.Module.Name}.{loop.Method.Name}",
                    guildId: null,
                    () => loop.Arguments(cancellationToken),
                    cancellationToken);
                var tags = new TagList
                {
                    { "module", loop.Module.Name },
                    { "loop", loop.Method.Name },
                    { "outcome", outcome },
                };
                ModuleTelemetry.LoopRuns.Add(1, tags);
                ModuleTelemetry.LoopDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: a run cut short by the cancellation ends the loop, whatever the exception it ended with.
        }
    }
}
