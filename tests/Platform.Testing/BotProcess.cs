using System.Diagnostics;

namespace Platform.Testing;

/// <summary>
/// The bot as a real process of its own, for what only a real process can show: being killed, and its own memory and
/// CPU time as the kernel counts them.
/// </summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process process;

    private BotProcess(Process process) => this.process = process;

    public int Id => process.Id;

    /// <param name="settings">Configuration as <c>Section:Key</c>, passed as environment variables.</param>
    /// <param name="output">Gets each line the bot writes; unset drops them. Either way they are read, so that a full
    /// pipe never blocks the bot.</param>
    /// <param name="directory">Where the bot is, e.g. published as operators deploy it; unset, the build beside this code.</param>
    public static BotProcess Start(IReadOnlyDictionary<string, string?> settings, Action<string>? output = null, string? directory = null)
    {
        directory ??= AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "Platform.Bot.dll")])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The bot process did not start.");
        DataReceivedEventHandler forward = (_, line) =>
        {
            if (line.Data is not null)
            {
                output?.Invoke(line.Data);
            }
        };
        process.OutputDataReceived += forward;
        process.ErrorDataReceived += forward;
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
