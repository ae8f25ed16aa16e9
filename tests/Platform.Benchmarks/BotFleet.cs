using System.Diagnostics;

namespace Platform.Benchmarks;

/// <summary>
/// Bot processes started alike, as Compose replicas are: each runs the shards whose id modulo the process count is
/// its index, and they share the shards' leases and the identify queue through Redis.
/// </summary>
internal sealed class BotFleet : IDisposable
{
    private readonly List<Process> processes;
    private readonly string spool = Directory.CreateTempSubdirectory("fleet-spool").FullName;

    private BotFleet(List<Process> processes) => this.processes = processes;

    public IReadOnlyList<int> ProcessIds => [.. processes.Select(p => p.Id)];

    public static BotFleet Start(int count, int totalShards, IReadOnlyDictionary<string, string> settings)
    {
        var fleet = new BotFleet([]);
        for (var index = 0; index < count; index++)
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Platform.Bot.dll")])
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var (key, value) in settings)
            {
                start.Environment[key.Replace(":", "__")] = value;
            }

            start.Environment["Bot__TotalShards"] = totalShards.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["Bot__ProcessCount"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["Bot__ProcessIndex"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["Llm__SpoolDirectory"] = Path.Combine(fleet.spool, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            var process = Process.Start(start) ?? throw new InvalidOperationException("A bot process did not start.");
            // Always read, so that a full pipe never blocks a bot: its warnings and errors (the only level logged) go to
            // this process's standard error, apart from the result on standard output.
            var name = $"bot {index}";
            process.OutputDataReceived += (_, line) => Forward(name, line.Data);
            process.ErrorDataReceived += (_, line) => Forward(name, line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            fleet.processes.Add(process);
        }

        return fleet;
    }

    private static void Forward(string name, string? line)
    {
        if (line is not null)
        {
            Console.Error.WriteLine($"{name}: {line}");
        }
    }

    public IReadOnlyList<ProcessSample> Sample() => [.. processes.Select(p => ProcessSample.Read(p.Id))];

    public void Dispose()
    {
        foreach (var process in processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        Directory.Delete(spool, recursive: true);
    }
}
