using System.Globalization;

namespace Platform.Benchmarks;

/// <summary>
/// A process's CPU time and memory as the kernel counts them (<c>/proc/&lt;pid&gt;/stat</c> and <c>status</c>), so that
/// every process in a run, ours, a peer's or the emulator's, is measured the same way.
/// </summary>
internal readonly record struct ProcessSample(TimeSpan Cpu, double RssMiB, double PeakRssMiB)
{
    // USER_HZ: the unit of utime and stime, 100 on every Linux ABI this runs on.
    private const double TicksPerSecond = 100;

    public static ProcessSample Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name may hold spaces and parentheses; the fields that follow it are fixed.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return new ProcessSample(TimeSpan.FromSeconds(ticks / TicksPerSecond), MiB(status, "VmRSS:"), MiB(status, "VmHWM:"));
    }

    /// <summary>Microseconds of CPU per event between two samples.</summary>
    public static double CpuPerEvent(ProcessSample before, ProcessSample after, int events) =>
        Math.Round((after.Cpu - before.Cpu).TotalMicroseconds / events, 2);

    private static double MiB(string[] status, string field) =>
        Math.Round(
            long.Parse(status.Single(line => line.StartsWith(field, StringComparison.Ordinal))[field.Length..].Trim().Split(' ')[0],
                CultureInfo.InvariantCulture) / 1024.0,
            1);
}
