using System.Diagnostics;

namespace Platform.DiscordEmulator.Pacing;

/// <summary>
/// Open-loop pacing for a run of sends at a fixed rate: how many are due by now. A sender sends up to that, then
/// waits a millisecond, so the items go out on schedule in small steps whether or not the receiver keeps up.
/// </summary>
internal sealed class SteadyRate(double perSecond, int total)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>The first is due at once, the last at <c>(total - 1) / perSecond</c> seconds.</summary>
    public int Due => Math.Min(total, (int)(clock.Elapsed.TotalSeconds * perSecond) + 1);

    public static Task StepAsync(CancellationToken cancellationToken) => Task.Delay(1, cancellationToken);
}
