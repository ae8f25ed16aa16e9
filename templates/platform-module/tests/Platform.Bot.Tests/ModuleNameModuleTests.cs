using Microsoft.EntityFrameworkCore;
using Platform.Data.Modules.ModuleName;
using static Platform.Bot.Tests.CommandOptions;

namespace Platform.Bot.Tests;

/// <summary>The modulename module through the Discord emulator, against a real Postgres migrated with its table.</summary>
[Collection(BotCollection.Name)]
public sealed class ModuleNameModuleTests(BotEnvironment environment)
{
    [Fact]
    public async Task An_entry_is_added_kept_and_listed()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();

        var added = await scenario.InvokeAsync(guild, "modulename", Subcommand("add", ("text", "first")));
        var listed = await scenario.InvokeAsync(guild, "modulename", Subcommand("list"));

        Assert.Equal("Added.", added.Text());
        Assert.Equal("first", listed.Text());
        await using var db = scenario.CreateDbContext();
        Assert.Equal("first", (await db.Set<ModuleNameEntry>().SingleAsync()).Text);
    }
}
