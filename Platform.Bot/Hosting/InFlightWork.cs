using System.Collections.Concurrent;

namespace Platform.Bot.Hosting;

/// <summary>Handlers started but not finished, so that shutdown can let them end before the process does.</summary>
public sealed class InFlightWork
{
    private readonly ConcurrentDictionary<Task, byte> running = new();

    public void Start(Func<Task> work)
    {
        var task = Task.Run(work);
        running.TryAdd(task, 0);
        task.ContinueWith(
            done => running.TryRemove(done, out _),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>
    /// Waits for what is running now, up to <paramref name="timeout"/>. Shutdown goes on whatever that work
    /// ended with: its failures were reported where they happened, and what is still running is cut off.
    /// </summary>
    public async Task DrainAsync(TimeSpan timeout) =>
        await Task.WhenAll(running.Keys).WaitAsync(timeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
}
