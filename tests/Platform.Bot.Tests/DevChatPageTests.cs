using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Platform.Data.Modules.Tags;
using Platform.Discord.Models;
using Platform.Testing;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class DevChatPageTests(BotEnvironment environment)
{
    [Fact]
    public async Task A_developer_picks_a_guild_and_member_types_commands_and_sees_the_bots_replies_and_posts()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync(1);
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(scenario.Emulator.BaseAddress, "/chat").ToString());
        await page.GetByLabel("Guild").SelectOptionAsync(new SelectOptionValue { Label = guild.Name });
        await Assertions.Expect(page.GetByText("Commands: /ask")).ToBeVisibleAsync();
        var input = page.GetByLabel("Slash command");
        await input.FillAsync("/tag set name:rules content:Be kind, always.");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Tag `rules` created.")).ToBeVisibleAsync();
        await input.FillAsync("/tag get name:rules");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Be kind, always.", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Member").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await input.FillAsync("/tag delete name:rules");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("You need the Manage Messages permission")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Only you can see this").Last).ToBeVisibleAsync();
        await input.FillAsync("/nope");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("No command /nope is registered.")).ToBeVisibleAsync();
        // What the bot posts on its own, such as a reminder, shows up too: the page follows the guild's channels.
        await scenario.Emulator.RestClient().CreateMessageAsync(
            guild.Channels![0].Id, new MessageContent { Content = "Posted on its own." }, CancellationToken.None);
        await Assertions.Expect(page.GetByText("Posted on its own.")).ToBeVisibleAsync();
        await Chromium.SaveScreenshotAsync(page, nameof(A_developer_picks_a_guild_and_member_types_commands_and_sees_the_bots_replies_and_posts));

        await using var db = scenario.CreateDbContext();
        var tag = await db.Set<Tag>().SingleAsync();
        Assert.Equal(("rules", (long)guild.Id), (tag.Name, tag.GuildId));
    }
}
