namespace Platform.Bot;

/// <summary>
/// Wakes a background loop early: any number of <see cref="Set"/> calls before the loop next waits
/// count as one, so a burst of changes costs one pass, and setting it from many threads is safe.
/// </summary>
public sealed class WakeUp
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Set()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already set; the loop will wake once for all of them.
        }
    }

    /// <summary>Returns when set, or after <paramref name="timeout"/> at the latest.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
