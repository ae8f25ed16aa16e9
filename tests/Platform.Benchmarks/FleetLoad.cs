using Npgsql;

namespace Platform.Benchmarks;

/// <summary>
/// Members of every guild using the fleet, the guilds drawn by a Zipf law: how many were answered, what each cost the
/// bots and the emulator in CPU, and how often the per-guild module-state cache had to read the database.
/// </summary>
internal static class FleetLoad
{
    public const string Command = "help";
    public const double ZipfExponent = 1;

    public static async Task<object> MeasureAsync(
        BotFleet fleet, EmulatorControl control, NpgsqlDataSource database, int emulatorPid, int rate, TimeSpan duration)
    {
        var (bots, emulator) = (fleet.Sample(), ProcessSample.Read(emulatorPid));
        var readsBefore = await ModuleStateReadsAsync(database);
        var load = await control.ZipfLoadAsync(Command, rate, duration, ZipfExponent);
        var (botsAfter, emulatorAfter) = (fleet.Sample(), ProcessSample.Read(emulatorPid));
        // A backend reports its table statistics once idle for up to 10 s.
        await Task.Delay(TimeSpan.FromSeconds(11));
        var reads = await ModuleStateReadsAsync(database) - readsBefore;
        return new
        {
            rate,
            seconds = duration.TotalSeconds,
            load.Sent,
            load.Answered,
            load.AchievedRate,
            load.P50Ms,
            load.P99Ms,
            load.Guilds,
            answeredTooLate = load.LateCallbacks,
            botsCpuUsPerInteraction = Math.Round((botsAfter.Sum(s => s.Cpu.TotalMicroseconds) - bots.Sum(s => s.Cpu.TotalMicroseconds)) / load.Sent),
            emulatorCpuUsPerInteraction = ProcessSample.CpuPerEvent(emulator, emulatorAfter, load.Sent),
            moduleStateReads = reads,
            moduleStateHitRate = Math.Round(1 - ((double)reads / load.Sent), 3),
            botsRssMiBBefore = Math.Round(bots.Sum(s => s.RssMiB), 1),
            botsRssMiBAfter = Math.Round(botsAfter.Sum(s => s.RssMiB), 1),
        };
    }

    // Reads of guild_modules: only the bot's module-state cache reads it while no api runs, one read per miss.
    private static Task<long> ModuleStateReadsAsync(NpgsqlDataSource database) =>
        FleetStatus.ScalarAsync(database, "SELECT seq_scan + coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = 'guild_modules'");
}
