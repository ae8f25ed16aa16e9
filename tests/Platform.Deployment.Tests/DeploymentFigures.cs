using System.Globalization;
using System.Text;

namespace Platform.Deployment.Tests;

/// <summary>What the run measured, written beside the test results for the note and the README.</summary>
public sealed class DeploymentFigures
{
    public TimeSpan StandInImages { get; set; }

    public TimeSpan Publish { get; set; }

    public TimeSpan Build { get; set; }

    public TimeSpan ColdUp { get; set; }

    public TimeSpan? WarmUp { get; set; }

    public TimeSpan? SpoolDrained { get; set; }

    public TimeSpan? PreviousBuild { get; set; }

    public TimeSpan? UpgradeUp { get; set; }

    public IReadOnlyDictionary<string, string> MemoryAtRest { get; set; } = new Dictionary<string, string>();

    public async Task WriteAsync(string path)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"stand-in images: {StandInImages.TotalSeconds:0.0} s")
            .AppendLine(CultureInfo.InvariantCulture, $"aspire publish: {Publish.TotalSeconds:0.0} s")
            .AppendLine(CultureInfo.InvariantCulture, $"docker-compose build: {Build.TotalSeconds:0.0} s")
            .AppendLine(
                CultureInfo.InvariantCulture,
                $"up to all healthy, cold (new volumes): {ColdUp.TotalSeconds:0.0} s")
            .AppendLine(
                CultureInfo.InvariantCulture,
                $"up to all healthy, warm (after down): {WarmUp?.TotalSeconds:0.0} s")
            .AppendLine(
                CultureInfo.InvariantCulture,
                $"spool drained after postgres came back: {SpoolDrained?.TotalSeconds:0.0} s")
            .AppendLine(
                CultureInfo.InvariantCulture,
                $"docker-compose build of the previous bundle's migrations, api and bot: {PreviousBuild?.TotalSeconds:0.0} s")
            .AppendLine(
                CultureInfo.InvariantCulture,
                $"upgrade, up to migrated and healthy: {UpgradeUp?.TotalSeconds:0.0} s");
        foreach (var (container, memory) in MemoryAtRest.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"memory at rest, {container}: {memory}");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text.ToString());
        Console.WriteLine(text);
    }
}
