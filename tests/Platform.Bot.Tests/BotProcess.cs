using System.Diagnostics;

namespace Platform.Bot.Tests;

/// <summary>The bot as a real process of its own, for what only a real process can show: being killed.</summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process process;

    private BotProcess(Process process) => this.process = process;

    public static BotProcess Start(IReadOnlyDictionary<string, string?> settings)
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

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The bot process did not start.");
        // Read and dropped, so that a full pipe never blocks the bot.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process);
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the machine or the OOM killer takes the process.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }
}
