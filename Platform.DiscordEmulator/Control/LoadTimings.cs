namespace Platform.DiscordEmulator.Control;

/// <summary>
/// The first-answer times of one load, one slot per interaction: 8 bytes each, where the load kept each
/// interaction's completed task until it ended, so that a long load leaves the emulator's collections as
/// little as possible of its own to copy.
/// </summary>
internal sealed class LoadTimings(int total, int untimed)
{
    private readonly double[] afterMs = new double[total];
    private readonly TaskCompletionSource allTimed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int pending = total;

    public Task AllTimed => allTimed.Task;

    /// <param name="ms">Null when no answer came in time.</param>
    public void Record(int index, double? ms)
    {
        afterMs[index] = ms ?? double.NaN;
        if (Interlocked.Decrement(ref pending) == 0)
        {
            allTimed.SetResult();
        }
    }

    /// <summary>The timed interactions' answers, fastest first; the untimed lead-in and the unanswered left out.</summary>
    public List<double> Answered() => [.. afterMs.Skip(untimed).Where(ms => !double.IsNaN(ms)).Order()];

    public int Timed => afterMs.Length - untimed;
}
