using System.Text.RegularExpressions;

namespace Platform.Templates.Tests;

/// <summary>
/// <c>dotnet new platform-module</c> as a newcomer runs it, in a copy of the repository: the template makes a module,
/// its table and its test, prints the migration to add, and after that one command the generated test passes through
/// the Discord emulator against a Postgres migrated with the new table. Then the same for docs/writing-a-module.md.
/// </summary>
public sealed partial class ModuleTemplateTests
{
    private const string Migration = "dotnet tool run dotnet-ef migrations add AddReminders --project Platform.Data";

    [Fact]
    public async Task A_new_module_is_created_migrated_and_passes_its_own_test()
    {
        using var copy = await RepositoryCopy.CreateAsync();

        var created = (await copy.NewModuleAsync("Reminders")).EnsureSuccess();

        Assert.Contains(Migration, created.Output);
        Assert.True(File.Exists(copy.Path("Platform.Bot/Modules/Reminders/RemindersModule.cs")));
        Assert.True(File.Exists(copy.Path("Platform.Data/Modules/Reminders/RemindersEntry.cs")));
        await MigrateAndAssertAsync(copy);
        Assert.Matches(Passed(1), (await TestAsync(copy)).Output);
    }

    [Fact]
    public async Task The_walkthrough_followed_step_by_step_gives_reminders_that_pass_their_tests()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        (await copy.NewModuleAsync("Reminders")).EnsureSuccess();

        // The walkthrough's steps: its entity replaces the template's, its files replace or join the generated ones.
        File.Delete(copy.Path("Platform.Data/Modules/Reminders/RemindersEntry.cs"));
        var walkthrough = copy.Path(WalkthroughDocTests.CodeFolder);
        foreach (var file in Directory.GetFiles(walkthrough, "*.cs", SearchOption.AllDirectories))
        {
            File.Copy(file, copy.Path(Path.GetRelativePath(walkthrough, file)), overwrite: true);
        }

        await MigrateAndAssertAsync(copy);
        Assert.Matches(Passed(3), (await TestAsync(copy)).Output);
    }

    private static async Task MigrateAndAssertAsync(RepositoryCopy copy)
    {
        (await copy.DotnetAsync([.. Migration.Split(' ')[1..]])).EnsureSuccess();
        Assert.Single(Directory.GetFiles(copy.Path("Platform.Data/Migrations"), "*_AddReminders.cs"));
    }

    private static async Task<ToolResult> TestAsync(RepositoryCopy copy) =>
        (await copy.DotnetAsync("test", "tests/Platform.Bot.Tests", "--filter", "FullyQualifiedName~RemindersModuleTests"))
            .EnsureSuccess();

    private static Regex Passed(int count) => new($@"Passed!\s+-\s+Failed:\s+0, Passed:\s+{count}, Skipped:\s+0");
}
