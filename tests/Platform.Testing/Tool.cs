using System.Diagnostics;
using System.Text;

namespace Platform.Testing;

public sealed record ToolResult(string Command, int ExitCode, string Output, string Error)
{
    public ToolResult EnsureSuccess(string? why = null) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"'{Command}' exited with {ExitCode}:\n{Output}\n{Error}\n{why}");
}

/// <summary>Runs a command line tool (podman, docker-compose, dotnet) to its end, keeping what it printed.</summary>
public static class Tool
{
    public static async Task<ToolResult> RunAsync(
        string file, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var command = $"{file} {string.Join(' ', start.ArgumentList)}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"'{command}' did not start.");
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) { lock (output) { output.AppendLine(line.Data); } } };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { lock (error) { error.AppendLine(line.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"'{command}' did not finish within {(timeout ?? TimeSpan.FromMinutes(2)).TotalSeconds:0} s:\n{output}\n{error}");
        }

        process.WaitForExit();
        return new(command, process.ExitCode, output.ToString(), error.ToString());
    }
}
