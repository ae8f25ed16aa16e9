namespace Platform.Templates.Tests;

/// <summary>
/// A copy of the repository as a newcomer's clone holds it (the tracked files and the new ones not ignored, never build
/// output), with the module template installed from a private hive so that nothing leaks into the user's own.
/// </summary>
public sealed class RepositoryCopy : IDisposable
{
    private RepositoryCopy(string root) => Root = root;

    public string Root { get; }

    private string Hive => System.IO.Path.Combine(Root, ".template-hive");

    public static async Task<RepositoryCopy> CreateAsync()
    {
        var copy = new RepositoryCopy(Directory.CreateTempSubdirectory("module-template-").FullName);
        var files = await Tool.RunAsync(
            "git", ["ls-files", "--cached", "--others", "--exclude-standard"], RepositoryRoot.Path);
        var tracked = files.EnsureSuccess().Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in tracked.Where(f => File.Exists(System.IO.Path.Combine(RepositoryRoot.Path, f))))
        {
            var target = copy.Path(file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(System.IO.Path.Combine(RepositoryRoot.Path, file), target);
        }

        // A newcomer's clone has been built by the set-up command; dotnet-ef reads the project's restore output and
        // fails with "Unable to retrieve project metadata" without it.
        (await copy.DotnetAsync("restore", "Platform.Data")).EnsureSuccess();
        var template = copy.Path("templates/platform-module");
        (await copy.DotnetAsync("new", "install", template, "--debug:custom-hive", copy.Hive)).EnsureSuccess();
        return copy;
    }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public Task<ToolResult> NewModuleAsync(string name) =>
        DotnetAsync("new", "platform-module", "-n", name, "--debug:custom-hive", Hive);

    // The copy builds from nothing, which takes minutes on two cores.
    public Task<ToolResult> DotnetAsync(params string[] arguments) =>
        Tool.RunAsync("dotnet", arguments, Root, timeout: TimeSpan.FromMinutes(15));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
