namespace Platform.Bot.Hosting;

/// <summary>
/// Handlers started but not finished, so that shutdown can let them end before the process does. A count, not
/// a set of tasks: every event starts one, and a set would cost each of them a continuation and an entry.
/// </summary>
public sealed class InFlightWork
{
    private int running;
    private TaskCompletionSource? drained;

    /// <summary>Runs <paramref name="work"/> on the thread pool, beside the caller.</summary>
    public void Start(Func<Task> work)
    {
        Interlocked.Increment(ref running);
        _ = RunAsync(work);
    }

    /// <summary>
    /// Waits for what is running now, up to <paramref name="timeout"/>. Shutdown goes on whatever that work
    /// ended with: its failures were reported where they happened, and what is still running is cut off.
    /// </summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        // One for every caller: the host may stop the worker twice at once.
        Interlocked.CompareExchange(ref drained, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null);
        var done = drained;
        if (Volatile.Read(ref running) == 0)
        {
            done.TrySetResult();
        }

        await done.Task.WaitAsync(timeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunAsync(Func<Task> work)
    {
        try
        {
            // The caller is the event loop: not even a handler's synchronous start may hold up the next event.
            await Task.Yield();
            await work();
        }
        finally
        {
            if (Interlocked.Decrement(ref running) == 0)
            {
                Volatile.Read(ref drained)?.TrySetResult();
            }
        }
    }
}
