using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using StackExchange.Redis;

namespace Platform.Benchmarks;

/// <summary>
/// A fleet's start: bot processes sharing one application's shards against an emulator seeded with many guilds. Time
/// until every shard is ready against Discord's rule of ceil(shards / max_concurrency) identify intervals, identifies
/// refused, each process's peak and settled RSS, and what the start cost the database: how long until the guilds table
/// holds every guild, and how many statements it took.
/// </summary>
internal static class FleetStart
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(FleetRun run)
    {
        var (info, applicationId) = await FleetStatus.BotAsync(run);
        using var redis = await ConnectionMultiplexer.ConnectAsync(run.Redis);
        await using var database = NpgsqlDataSource.Create(run.Database);
        await using (var empty = database.CreateCommand("TRUNCATE guilds CASCADE"))
        {
            await empty.ExecuteNonQueryAsync();
        }

        var transactionsBefore = await TransactionsAsync(database);

        var emulatorBefore = ProcessSample.Read(run.EmulatorPid);
        var timer = Stopwatch.StartNew();
        using var fleet = BotFleet.Start(run.Processes, info.Shards, run.BotSettings);
        double? ready = null, received = null, stored = null;
        var readyAt = DateTimeOffset.MinValue;
        var ownQueries = 1;
        IReadOnlyList<ProcessSample> atStored = [];
        while (ready is null || received is null || stored is null)
        {
            if (timer.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"After 10 minutes: shards ready at {ready} s, guilds received at {received} s, rows at {stored} s.");
            }

            var shards = await FleetStatus.ShardsAsync(redis.GetDatabase(), applicationId);
            if (ready is null && shards.Count(shard => shard.State == "ready") == info.Shards)
            {
                (ready, readyAt) = (timer.Elapsed.TotalSeconds, DateTimeOffset.UtcNow);
            }

            // Each shard counts its guilds from READY's list and the GUILD_CREATEs that came.
            var available = shards.Sum(shard => shard.GuildCount - shard.UnavailableGuildCount);
            received ??= ready is not null && available == run.Guilds ? timer.Elapsed.TotalSeconds : null;
            if (stored is null)
            {
                ownQueries++;
                if (await FleetStatus.GuildRowsAsync(database) == run.Guilds)
                {
                    (stored, atStored) = (timer.Elapsed.TotalSeconds, fleet.Sample());
                }
            }

            await Task.Delay(100);
        }

        var emulatorCpu = (ProcessSample.Read(run.EmulatorPid).Cpu - emulatorBefore.Cpu).TotalSeconds;
        await Task.Delay(Settle);
        var settled = fleet.Sample();
        // Less this benchmark's own polling, one transaction a query; the server counts a transaction as it ends.
        var transactions = await TransactionsAsync(database) - transactionsBefore - ownQueries;
        var rule = Math.Ceiling((double)info.Shards / info.SessionStartLimit.MaxConcurrency) * run.IdentifyInterval.TotalSeconds;
        var identifies = await FleetStatus.IdentifiesAsync(run.Emulator);
        var identifiedAt = identifies.Select(i => i.GetProperty("at").GetDateTimeOffset()).Order().ToList();
        // From the first IDENTIFY the emulator saw: the processes' own start (runtime, JIT, connections) is apart.
        var paced = (readyAt - identifiedAt[0]).TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "fleet-start",
            guilds = run.Guilds,
            shards = info.Shards,
            processes = run.Processes,
            maxConcurrency = info.SessionStartLimit.MaxConcurrency,
            identifyIntervalSeconds = run.IdentifyInterval.TotalSeconds,
            readySeconds = Math.Round(ready.Value, 2),
            readyAfterFirstIdentifySeconds = Math.Round(paced, 2),
            ruleSeconds = rule,
            readyOverRule = Math.Round(paced / rule, 3),
            lastIdentifyAfterFirstSeconds = Math.Round((identifiedAt[^1] - identifiedAt[0]).TotalSeconds, 2),
            identifiesRefused = identifies.Count(i => !i.GetProperty("accepted").GetBoolean()),
            guildsReceivedSeconds = Math.Round(received.Value, 2),
            guildRowsStoredSeconds = Math.Round(stored.Value, 2),
            guildRowsAfterLastGuildCreateSeconds = Math.Round(stored.Value - received.Value, 2),
            databaseTransactions = transactions,
            // CPU from start to every row stored: each process's start-up, then the guilds' share.
            totalCpuSeconds = Math.Round(atStored.Sum(s => s.Cpu.TotalSeconds), 2),
            emulatorCpuSeconds = Math.Round(emulatorCpu, 2),
            peakRssMiB = settled.Select(s => s.PeakRssMiB),
            settledRssMiB = settled.Select(s => s.RssMiB),
            totalPeakRssMiB = Math.Round(settled.Sum(s => s.PeakRssMiB), 1),
            totalSettledRssMiB = Math.Round(settled.Sum(s => s.RssMiB), 1),
        }));
        return 0;
    }

    // Every transaction the server ran in the fleet's database, whoever sent it: each is at least one round trip.
    private static Task<long> TransactionsAsync(NpgsqlDataSource database) =>
        FleetStatus.ScalarAsync(database, "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");
}

internal sealed record FleetRun(
    Uri Emulator, int EmulatorPid, string Token, string Database, string Redis, int Guilds, int Processes, TimeSpan IdentifyInterval,
    IReadOnlyDictionary<string, string?> BotSettings);
