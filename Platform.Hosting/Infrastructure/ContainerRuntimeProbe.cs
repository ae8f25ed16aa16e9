using System.ComponentModel;
using System.Diagnostics;

namespace Platform.Hosting.Infrastructure;

/// <summary>
/// Asks the container runtime Aspire would use whether its engine answers. <c>version</c>'s server
/// version is a field both Docker and Podman have (Podman's <c>info</c> has no <c>ServerVersion</c>).
/// </summary>
internal static class ContainerRuntimeProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static bool IsAvailable(string runtime, out string detail)
    {
        var startInfo = new ProcessStartInfo(runtime)
        {
            ArgumentList = { "version", "--format", "{{.Server.Version}}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        try
        {
            using var process = Process.Start(startInfo)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                detail = $"'{runtime} version' did not answer within {Timeout.TotalSeconds:0} s";
                return false;
            }

            detail = process.ExitCode == 0
                ? $"{runtime} {output.Result.Trim()}"
                : $"'{runtime} version' failed: {FirstLine(error.Result)}";
            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            detail = $"'{runtime}' is not installed";
            return false;
        }
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
}
