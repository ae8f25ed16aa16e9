using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Platform.Testing;

namespace Platform.AppHost.Tests;

[Collection(PlatformAppCollection.Name)]
public sealed class SignInPageTests(PlatformAppFixture platform)
{
    [Fact]
    public async Task A_guild_owner_signs_in_with_Discord_in_chromium_and_turns_a_module_off_for_the_bot()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("frontend", timeout.Token);
        using var discord = platform.App.CreateHttpClient("discord");
        var guild = await platform.FirstGuildAsync(discord, timeout.Token);
        var frontend = platform.App.GetEndpoint("frontend", "http");

        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        // next dev compiles each page on its first visit, which on a busy 2-core machine takes a while.
        page.SetDefaultTimeout(90_000);
        var slow = new LocatorAssertionsToBeVisibleOptions { Timeout = 90_000 };
        try
        {
            await page.GotoAsync(new Uri(frontend, "/guilds").ToString());
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?returnTo=%2Fguilds$"), new() { Timeout = 90_000 });
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Discord" }).ClickAsync();

            // The emulator's consent page stands where discord.com's would.
            await page.GetByRole(AriaRole.Button, new() { Name = "Authorize as Owner 0" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your servers" }).First).ToBeVisibleAsync(slow);
            var link = page.GetByRole(AriaRole.Link, new() { Name = guild.GetProperty("name").GetString() });
            await Assertions.Expect(link).ToHaveAttributeAsync("href", $"/guilds/{guild.GetProperty("id").GetString()}", new() { Timeout = 90_000 });
            await Assertions.Expect(page.GetByText("Signed in as")).ToContainTextAsync("Owner 0", new() { Timeout = 90_000 });

            await link.ClickAsync();
            var tags = page.GetByRole(AriaRole.Switch, new() { Name = "tags" });
            await Assertions.Expect(tags).ToBeCheckedAsync(new() { Timeout = 90_000 });
            await tags.ClickAsync();
            await Assertions.Expect(tags).Not.ToBeCheckedAsync();
            try
            {
                // The bot hears of it over Redis pub/sub, beside the gateway: a command already on its way may still run.
                await Eventually.TrueAsync(async () =>
                    await PlatformAppFixture.InvokeAsync(discord, guild, "tag", """[{"name":"list","type":1}]""", timeout.Token)
                        == "The `tags` module is turned off in this server. A server admin can turn it on in the dashboard.",
                    "the bot refusing the turned-off module's command", TimeSpan.FromSeconds(10));
            }
            finally
            {
                await tags.ClickAsync();
                await Assertions.Expect(tags).ToBeCheckedAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login$"), new() { Timeout = 90_000 });
        }
        catch
        {
            await Chromium.SaveScreenshotAsync(page, nameof(A_guild_owner_signs_in_with_Discord_in_chromium_and_turns_a_module_off_for_the_bot));
            throw;
        }
    }
}
