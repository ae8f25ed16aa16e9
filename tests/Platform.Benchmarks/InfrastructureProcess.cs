using System.Globalization;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// Postgres and Redis for a benchmark, run by the test AppHost in a process of its own, so that the
/// AppHost's health checks (a new connection each), its logs and its compilations do not share the
/// measured process with the bot, which they never do in production.
/// </summary>
internal static class InfrastructureProcess
{
    /// <summary>
    /// Writes a migrated database's connection string and Redis' to <paramref name="connectionsFile"/>, one
    /// per line, and serves them until standard input closes. A line <c>restart-postgres &lt;seconds&gt;</c> on it
    /// stops Postgres for that long, as an outage would; a benchmark writes it into the same pipe as the script.
    /// </summary>
    public static async Task<int> ServeAsync(string connectionsFile)
    {
        await using var infrastructure = await PlatformInfrastructure.StartAsync("bench");
        var database = await infrastructure.CreateDatabaseAsync();
        // Written whole, then moved into place: the script reads the file as soon as it exists.
        await File.WriteAllLinesAsync(connectionsFile + ".partial", [database, infrastructure.RedisConnectionString]);
        File.Move(connectionsFile + ".partial", connectionsFile, overwrite: true);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line.Split(' ') is ["restart-postgres", var seconds])
            {
                await infrastructure.StopPostgresAsync();
                await Task.Delay(TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)));
                await infrastructure.StartPostgresAsync();
            }
        }

        return 0;
    }
}
