using System.Collections.Concurrent;

namespace Platform.Bot.Gateway;

/// <summary>Handlers started but not finished, so that shutdown can let them end before the process does.</summary>
public sealed class InFlightWork
{
    private readonly ConcurrentDictionary<Task, byte> running = new();

    public void Start(Func<Task> work)
    {
        var task = Task.Run(work);
        running.TryAdd(task, 0);
        task.ContinueWith(done => running.TryRemove(done, out _), TaskScheduler.Default);
    }

    /// <summary>Waits for what is running now, up to <paramref name="timeout"/>.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        try
        {
            await Task.WhenAll(running.Keys).WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            // Shutdown goes on; what did not finish is cut off with the process.
        }
    }
}
