namespace Platform.DiscordEmulator.Gateway;

/// <summary>Waits out an injected latency in full.</summary>
public static class InjectedLatency
{
    // Timers fire on a millisecond tick and can end up to a tick early by the stopwatch's clock, and
    // a test that injects 150 ms rightly expects to measure at least 150 ms.
    public static async Task WaitAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        for (var left = delay; left > TimeSpan.Zero; left = delay - time.GetElapsedTime(started))
        {
            await Task.Delay(left < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : left, time, cancellationToken);
        }
    }
}
