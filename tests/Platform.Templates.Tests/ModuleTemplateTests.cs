using System.Text.RegularExpressions;

namespace Platform.Templates.Tests;

/// <summary>
/// <c>dotnet new platform-module</c> as a newcomer runs it, in a copy of the repository: the template makes a module, its
/// table and its test, prints the migration to add, and after that one command the generated test passes through the
/// Discord emulator against a Postgres migrated with the new table.
/// </summary>
public sealed partial class ModuleTemplateTests : IDisposable
{
    private const string Migration = "dotnet tool run dotnet-ef migrations add AddReminders --project Platform.Data";

    private readonly string copy = Directory.CreateTempSubdirectory("module-template-").FullName;

    [Fact]
    public async Task A_new_module_is_created_migrated_and_passes_its_own_test()
    {
        await CopyRepositoryAsync();
        // A newcomer's clone has been built by the set-up command; dotnet-ef reads the project's restore output and
        // fails with "Unable to retrieve project metadata" without it.
        (await DotnetAsync("restore", "Platform.Data")).EnsureSuccess();
        var hive = Path.Combine(copy, ".template-hive");
        (await DotnetAsync("new", "install", Path.Combine(copy, "templates", "platform-module"), "--debug:custom-hive", hive)).EnsureSuccess();

        var created = (await DotnetAsync("new", "platform-module", "-n", "Reminders", "--debug:custom-hive", hive)).EnsureSuccess();

        Assert.Contains(Migration, created.Output);
        Assert.True(File.Exists(Path.Combine(copy, "Platform.Bot", "Modules", "Reminders", "RemindersModule.cs")));
        Assert.True(File.Exists(Path.Combine(copy, "Platform.Data", "Modules", "Reminders", "RemindersEntry.cs")));
        (await DotnetAsync([.. Migration.Split(' ')[1..]])).EnsureSuccess();
        Assert.Single(Directory.GetFiles(Path.Combine(copy, "Platform.Data", "Migrations"), "*_AddReminders.cs"));

        var test = (await DotnetAsync("test", "tests/Platform.Bot.Tests", "--filter", "FullyQualifiedName~RemindersModuleTests")).EnsureSuccess();

        Assert.Matches(OnePassed(), test.Output);
    }

    public void Dispose() => Directory.Delete(copy, recursive: true);

    /// <summary>What a clone holds: the tracked files and the new ones not ignored, never build output.</summary>
    private async Task CopyRepositoryAsync()
    {
        var files = (await Tool.RunAsync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], RepositoryRoot.Path)).EnsureSuccess();
        foreach (var file in files.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(Path.Combine(RepositoryRoot.Path, f))))
        {
            var target = Path.Combine(copy, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(RepositoryRoot.Path, file), target);
        }
    }

    // The copy builds from nothing, which takes minutes on two cores.
    private Task<ToolResult> DotnetAsync(params string[] arguments) => Tool.RunAsync("dotnet", arguments, copy, timeout: TimeSpan.FromMinutes(15));

    [GeneratedRegex(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+1, Skipped:\s+0")]
    private static partial Regex OnePassed();
}
