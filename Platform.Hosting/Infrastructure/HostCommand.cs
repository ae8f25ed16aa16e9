using System.Diagnostics;

namespace Platform.Hosting.Infrastructure;

/// <summary>Runs a short-lived host program (initdb, pg_ctl, chown) and fails with its output when it fails.</summary>
internal static class HostCommand
{
    public static async Task<string> RunAsync(
        string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken, string? standardInput = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{fileName}'.");

        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);

        var combined = (await output + await error).Trim();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{fileName} {string.Join(' ', startInfo.ArgumentList)}' exited with code {process.ExitCode}: {combined}");
        }

        return combined;
    }

    public static bool IsRoot => Environment.UserName == "root";
}
