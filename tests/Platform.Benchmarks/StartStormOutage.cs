using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Platform.Contracts;

namespace Platform.Benchmarks;

/// <summary>
/// Postgres restarted while a fleet's GUILD_CREATEs pour in: once a tenth of the guilds have arrived, the
/// infrastructure process stops the server for <see cref="Down"/>. How long until every guild's row is written after
/// it is back and after the last GUILD_CREATE, and whether any shard noticed (a reconnect, a new IDENTIFY).
/// </summary>
internal static class StartStormOutage
{
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(5);

    public static async Task<object> MeasureAsync(
        FleetRun run, string infrastructureCommands, int totalShards, Func<Task<List<ShardStatusDocument>>> status)
    {
        var received = async () => (await status()).Sum(s => s.GuildCount - s.UnavailableGuildCount);
        await FleetStatus.UntilAsync(async () => await received() >= run.Guilds / 10, TimeSpan.FromMinutes(5));
        var receivedAtOutage = await received();
        var outageAt = DateTimeOffset.UtcNow;
        await using (var commands = new StreamWriter(new FileStream(infrastructureCommands, FileMode.Open, FileAccess.Write)))
        {
            await commands.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"restart-postgres {Down.TotalSeconds}"));
        }

        await FleetStatus.UntilAsync(async () => await RowsAsync(run.Database) is null);
        var timer = Stopwatch.StartNew();
        await FleetStatus.UntilAsync(async () => await RowsAsync(run.Database) is not null);
        var back = timer.Elapsed.TotalSeconds;
        double? lastGuildCreate = null;
        await FleetStatus.UntilAsync(async () =>
        {
            lastGuildCreate ??= await received() == run.Guilds ? timer.Elapsed.TotalSeconds : null;
            return lastGuildCreate is not null && await RowsAsync(run.Database) == run.Guilds;
        }, TimeSpan.FromMinutes(10));
        var stored = timer.Elapsed.TotalSeconds;
        await FleetStatus.UntilAsync(async () => (await status()).Count(s => s.State == "ready") == totalShards);

        var identifies = await FleetStatus.IdentifiesAsync(run.Emulator);
        return new
        {
            guildsReceivedAtOutage = receivedAtOutage,
            postgresDownSeconds = Math.Round(back, 2),
            rowsCompleteAfterPostgresBackSeconds = Math.Round(stored - back, 2),
            rowsCompleteAfterLastGuildCreateSeconds = Math.Round(stored - lastGuildCreate!.Value, 2),
            shardReconnects = (await status()).Sum(s => s.Reconnects),
            identifies = identifies.Length,
            // A refused IDENTIFY is a shard's session started again; when it came says whether the outage caused it.
            identifiesRefused = identifies.Where(i => !i.GetProperty("accepted").GetBoolean()).Select(i => new
            {
                shard = i.GetProperty("shardId").GetInt32(),
                secondsAfterOutageBegan = Math.Round((i.GetProperty("at").GetDateTimeOffset() - outageAt).TotalSeconds, 2),
            }),
        };
    }

    /// <summary>The guilds table's current rows, or null while Postgres refuses: a connection of its own each time.</summary>
    private static async Task<long?> RowsAsync(string database)
    {
        await using var unpooled = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(database) { Pooling = false, Timeout = 1 }.ConnectionString);
        try
        {
            return await FleetStatus.GuildRowsAsync(unpooled);
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }
}
