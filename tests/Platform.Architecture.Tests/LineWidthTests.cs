using Platform.Testing;

namespace Platform.Architecture.Tests;

/// <summary>
/// C# lines fit on a screen beside a diff: editors wrap at 120 (.editorconfig), and no line runs past
/// <see cref="Limit"/>. Migrations are generated and exempt.
/// </summary>
public sealed class LineWidthTests
{
    private const int Limit = 150;

    [Fact]
    public async Task No_line_of_csharp_runs_past_the_limit()
    {
        var files = await Tool.RunAsync(
            "git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.cs"], RepositoryRoot.Path);

        var tooLong = files.EnsureSuccess().Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(file => !file.Contains("/Migrations/", StringComparison.Ordinal))
            .Select(file => Path.Combine(RepositoryRoot.Path, file))
            .Where(File.Exists)
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(entry => entry.line.Length > Limit)
            .Select(entry =>
                $"{Path.GetRelativePath(RepositoryRoot.Path, entry.file)}:{entry.number} ({entry.line.Length})");

        Assert.Empty(tooLong);
    }
}
