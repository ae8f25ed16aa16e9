using System.Globalization;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// Bot processes started alike, as Compose replicas are: each runs the shards whose id modulo the process count is
/// its index, and they share the shards' leases and the identify queue through Redis.
/// </summary>
internal sealed class BotFleet : IDisposable
{
    private readonly List<BotProcess> processes = [];
    private readonly string spool = Directory.CreateTempSubdirectory("fleet-spool").FullName;

    public static BotFleet Start(int count, int totalShards, IReadOnlyDictionary<string, string?> settings)
    {
        var fleet = new BotFleet();
        for (var index = 0; index < count; index++)
        {
            var name = $"bot {index}";
            var process = new Dictionary<string, string?>(settings)
            {
                ["Bot:TotalShards"] = totalShards.ToString(CultureInfo.InvariantCulture),
                ["Bot:ProcessCount"] = count.ToString(CultureInfo.InvariantCulture),
                ["Bot:ProcessIndex"] = index.ToString(CultureInfo.InvariantCulture),
                ["Llm:SpoolDirectory"] = Path.Combine(fleet.spool, index.ToString(CultureInfo.InvariantCulture)),
            };
            // Its warnings and errors (the only level logged) go to this process's standard error, apart from the result.
            fleet.processes.Add(BotProcess.Start(process, line => Console.Error.WriteLine($"{name}: {line}")));
        }

        return fleet;
    }

    public IReadOnlyList<ProcessSample> Sample() => [.. processes.Select(p => ProcessSample.Read(p.Id))];

    public void Dispose()
    {
        foreach (var process in processes)
        {
            process.Dispose();
        }

        Directory.Delete(spool, recursive: true);
    }
}
