using System.Globalization;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// Bot processes started alike, as Compose replicas are: each's home is the shards whose id modulo the process count is
/// its index, and they share the shards' leases and the identify queue through Redis. One can be killed and started
/// again, and a process can be added with an index already running (a spare).
/// </summary>
internal sealed class BotFleet(int count, int totalShards, IReadOnlyDictionary<string, string?> settings) : IDisposable
{
    private readonly List<(int Index, BotProcess Process)> processes = [];
    private readonly string spool = Directory.CreateTempSubdirectory("fleet-spool").FullName;

    /// <summary>The bot as operators deploy it (<c>dotnet publish</c>, so precompiled), where the scripts put it.</summary>
    private static string? PublishedDirectory => Environment.GetEnvironmentVariable("BENCH_BOT_DIRECTORY");

    public static BotFleet Start(int count, int totalShards, IReadOnlyDictionary<string, string?> settings)
    {
        var fleet = new BotFleet(count, totalShards, settings);
        for (var index = 0; index < count; index++)
        {
            fleet.StartProcess(index);
        }

        return fleet;
    }

    /// <summary>Starts a process whose home is the shards of <paramref name="index"/>, beside any that runs already.</summary>
    public void StartProcess(int index)
    {
        var name = $"bot {index}.{processes.Count(p => p.Index == index)}";
        var process = new Dictionary<string, string?>(settings)
        {
            ["Bot:TotalShards"] = totalShards.ToString(CultureInfo.InvariantCulture),
            ["Bot:ProcessCount"] = count.ToString(CultureInfo.InvariantCulture),
            ["Bot:ProcessIndex"] = index.ToString(CultureInfo.InvariantCulture),
            ["Llm:SpoolDirectory"] = Path.Combine(spool, name.Replace(' ', '-')),
        };
        // Its warnings and errors (the only level logged) go to this process's standard error, apart from the result.
        processes.Add((index, BotProcess.Start(process, line => Console.Error.WriteLine($"{name}: {line}"), PublishedDirectory)));
    }

    /// <summary>SIGKILL to the oldest process of <paramref name="index"/>.</summary>
    public void Kill(int index)
    {
        var victim = processes.First(p => p.Index == index);
        victim.Process.Kill();
        victim.Process.Dispose();
        processes.Remove(victim);
    }

    public IReadOnlyList<ProcessSample> Sample() => [.. processes.Select(p => ProcessSample.Read(p.Process.Id))];

    public void Dispose()
    {
        foreach (var (_, process) in processes)
        {
            process.Dispose();
        }

        Directory.Delete(spool, recursive: true);
    }
}
