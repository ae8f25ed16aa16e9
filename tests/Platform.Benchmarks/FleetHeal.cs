using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Modules.State;
using StackExchange.Redis;

namespace Platform.Benchmarks;

/// <summary>
/// A fleet serving members, broken and healed. Once it serves every guild: the api's shard list as the dashboard reads
/// it; interactions spread over all of them by a Zipf law, with what the per-guild module-state cache saved the
/// database; one process killed while members keep using the bot (how long until every guild is served again, how each
/// interaction fared); the process back (its shards handed back); a fifth process standing by as a spare, and taking
/// over when the process of its index is killed; last, the rate the issue asks for, past what this machine holds.
/// </summary>
internal static class FleetHeal
{
    private static readonly TimeSpan SaturationLoad = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan HealLoad = TimeSpan.FromSeconds(45);

    /// <summary>As many interactions as a minute at 1,000 a second, whatever the rate: the caches see the same draws.</summary>
    private const int CacheInteractions = 60_000;

    public static async Task<int> RunAsync(FleetRun run, string infrastructureCommands, int peakRate, int sustainedRate, int healRate)
    {
        var (info, applicationId) = await FleetStatus.BotAsync(run);
        using var redis = await ConnectionMultiplexer.ConnectAsync(run.Redis);
        await using var database = NpgsqlDataSource.Create(run.Database);
        var control = new EmulatorControl(run.Emulator);
        var emulator = new HttpClient { BaseAddress = run.Emulator };
        var status = () => FleetStatus.ShardsAsync(redis.GetDatabase(), applicationId);
        using var fleet = BotFleet.Start(run.Processes, info.Shards, run.BotSettings);
        var startStormOutage = await StartStormOutage.MeasureAsync(run, infrastructureCommands, info.Shards, status);
        await FleetStatus.UntilAsync(
            async () => FleetStatus.Serves(await status(), info.Shards, run.Processes, run.Guilds), TimeSpan.FromMinutes(10));
        await Task.Delay(TimeSpan.FromSeconds(15));

        var shardPage = await ShardsEndpoint.MeasureAsync(run.Database, run.Redis, applicationId);
        var sustained = await FleetLoad.MeasureAsync(
            fleet, control, database, run.EmulatorPid, sustainedRate, TimeSpan.FromSeconds(CacheInteractions / sustainedRate));

        var identifiesBefore = (await FleetStatus.IdentifiesAsync(run.Emulator)).Length;
        var healing = control.ZipfLoadAsync(FleetLoad.Command, healRate, HealLoad, FleetLoad.ZipfExponent);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var dead = (await status()).Where(s => s.ShardId % run.Processes == 1).Select(s => s.Owner).Distinct().Single();
        fleet.Kill(1);
        var sinceKill = Stopwatch.StartNew();
        await FleetStatus.UntilAsync(async () => (await status()).Where(s => s.Owner == dead).All(s => s.IsStale(DateTimeOffset.UtcNow)));
        var stale = sinceKill.Elapsed.TotalSeconds;
        await FleetStatus.UntilAsync(async () => FleetStatus.Serves(await status(), info.Shards, run.Processes - 1, run.Guilds));
        var healed = sinceKill.Elapsed.TotalSeconds;
        var healLoad = await healing;

        var survivors = (await status()).Select(s => s.Owner).ToHashSet();
        fleet.StartProcess(1);
        var handedBack = await FleetStatus.UntilAsync(async () => await status() is var shards
            && FleetStatus.Serves(shards, info.Shards, run.Processes, run.Guilds) && !shards.Select(s => s.Owner).ToHashSet().SetEquals(survivors));

        fleet.StartProcess(0);
        await Task.Delay(TimeSpan.FromSeconds(15));
        var ownersWithSpare = (await status()).Select(s => s.Owner).Distinct().Count();
        var first = (await status()).First(s => s.ShardId == 0).Owner;
        fleet.Kill(0);
        var spareTookOver = await FleetStatus.UntilAsync(async () => await status() is var shards
            && FleetStatus.Serves(shards, info.Shards, run.Processes, run.Guilds) && shards.All(s => s.Owner != first));

        // Last: an overloaded bot answers late, and what it spends then is no measure of what came before.
        var peak = await FleetLoad.MeasureAsync(fleet, control, database, run.EmulatorPid, peakRate, SaturationLoad);
        var sessions = (await emulator.GetFromJsonAsync<JsonElement[]>("/control/sessions"))!;
        var most = (await emulator.GetFromJsonAsync<Dictionary<int, int>>("/control/shards/most-concurrent"))!;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "fleet-heal",
            guilds = run.Guilds,
            shards = info.Shards,
            processes = run.Processes,
            startStormOutage,
            shardPage,
            sustained,
            cacheEntryBytes = CacheEntryBytes(),
            kill = new
            {
                staleSeconds = Math.Round(stale, 2),
                everyGuildServedAgainSeconds = Math.Round(healed, 2),
                leaseSeconds = 15,
                rate = healRate,
                healLoad.Sent,
                answered = healLoad.Answered,
                expired = healLoad.Sent - healLoad.Answered,
                answeredTooLate = healLoad.LateCallbacks,
            },
            handedBackSeconds = Math.Round(handedBack, 2),
            ownersWithSpare,
            spareTookOverSeconds = Math.Round(spareTookOver, 2),
            // Every move above resumed: an IDENTIFY here would be a session started again.
            identifiesSinceServing = (await FleetStatus.IdentifiesAsync(run.Emulator)).Length - identifiesBefore,
            resumes = sessions.Sum(s => s.GetProperty("resumes").GetInt32()),
            mostConcurrentSessionsPerShard = most.Values.Max(),
            peak,
        }));
        return 0;
    }

    /// <summary>What one guild costs in a module-state cache: an entry holding an empty dictionary (a guild with no rows).</summary>
    private static double CacheEntryBytes()
    {
        const int Entries = 10_000;
        using var cache = new GuildCache<IReadOnlyDictionary<string, string>>("measure", TimeProvider.System, Entries);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (ulong guild = 0; guild < Entries; guild++)
        {
            cache.GetAsync(guild, _ => Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>()), default)
                .GetAwaiter().GetResult();
        }

        return Math.Round((double)(GC.GetTotalMemory(forceFullCollection: true) - before) / Entries);
    }
}
