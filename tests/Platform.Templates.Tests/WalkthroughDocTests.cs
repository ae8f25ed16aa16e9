using System.Text.RegularExpressions;

namespace Platform.Templates.Tests;

/// <summary>
/// docs/writing-a-module.md shows the walkthrough's code by file: each <c>&lt;!-- include: path --&gt;</c> is
/// followed by that file's text, and every file of the walkthrough is shown. The files are built and tested by
/// <see cref="ModuleTemplateTests"/>, so the doc cannot show code that does not work. Run this test with
/// <c>UPDATE_DOCS=1</c> to copy the files' current text into the doc.
/// </summary>
public sealed partial class WalkthroughDocTests
{
    public const string CodeFolder = "tests/Platform.Templates.Tests/Walkthrough";

    private static readonly string Doc = Path.Combine(RepositoryRoot.Path, "docs", "writing-a-module.md");

    [Fact]
    public void Every_file_of_the_walkthrough_is_in_the_doc_as_it_is_in_the_repository()
    {
        var text = File.ReadAllText(Doc);
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            text = Include().Replace(text, block => Block(block.Groups["path"].Value, block.Groups["language"].Value));
            File.WriteAllText(Doc, text);
        }

        var blocks = Include().Matches(text);
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, CodeFolder), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'));

        Assert.Empty(files.Except(blocks.Select(b => b.Groups["path"].Value)));
        Assert.All(blocks, block => Assert.True(
            block.Value == Block(block.Groups["path"].Value, block.Groups["language"].Value),
            $"{block.Groups["path"].Value} differs from its copy in the doc; run this test with UPDATE_DOCS=1."));
    }

    private static string Block(string path, string language)
    {
        var code = File.ReadAllText(Path.Combine(RepositoryRoot.Path, path)).TrimEnd('\n');
        return $"<!-- include: {path} -->\n```{language}\n{code}\n```";
    }

    [GeneratedRegex(@"<!-- include: (?<path>\S+) -->\n```(?<language>\w*)\n(?:.*?\n)??```", RegexOptions.Singleline)]
    private static partial Regex Include();
}
