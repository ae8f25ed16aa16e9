using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Platform.Testing;

namespace Platform.AppHost.Tests;

[Collection(PlatformAppCollection.Name)]
public sealed class SignInPageTests(PlatformAppFixture platform)
{
    private const float Slow = Chromium.FirstRenderTimeoutMs;

    [Fact]
    public async Task A_guild_owner_signs_in_with_Discord_in_chromium_and_turns_a_module_off_for_the_bot()
    {
        await RunAsync(nameof(A_guild_owner_signs_in_with_Discord_in_chromium_and_turns_a_module_off_for_the_bot), async (page, discord, guild) =>
        {
            await DiscordSignIn.SignInAsync(page, "Owner 0", "owner0");
            var link = page.GetByRole(AriaRole.Link, new() { Name = guild.GetProperty("name").GetString() });
            await Assertions.Expect(link).ToHaveAttributeAsync("href", $"/guilds/{guild.GetProperty("id").GetString()}", new() { Timeout = Slow });

            await link.ClickAsync();
            var tags = page.GetByRole(AriaRole.Switch, new() { Name = "tags" });
            await Assertions.Expect(tags).ToBeCheckedAsync(new() { Timeout = Slow });
            await tags.ClickAsync();
            await Assertions.Expect(tags).Not.ToBeCheckedAsync();
            try
            {
                // The bot hears of it over Redis pub/sub, beside the gateway: a command already on its way may still run.
                await Eventually.TrueAsync(async () =>
                    await EmulatorInteractions.InvokeAsync(discord, guild, "tag", """[{"name":"list","type":1}]""", CancellationToken.None)
                        == "The `tags` module is turned off in this server. A server admin can turn it on in the dashboard.",
                    "the bot refusing the turned-off module's command", TimeSpan.FromSeconds(10));
            }
            finally
            {
                await tags.ClickAsync();
                await Assertions.Expect(tags).ToBeCheckedAsync();
            }

            await SignOutAsync(page);
        });
    }

    [Fact]
    public async Task A_sign_in_asked_to_return_off_site_comes_back_to_the_site()
    {
        await RunAsync(nameof(A_sign_in_asked_to_return_off_site_comes_back_to_the_site), async (page, _, _) =>
        {
            var frontend = platform.App.GetEndpoint("frontend", "http");
            // Chromium drops the tab, so "/\t/evil.example/" would read as //evil.example/, another site.
            await page.GotoAsync(new Uri(frontend, "/api/auth/login?returnTo=%2F%09%2Fevil.example%2F").ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Authorize as Owner 0 (owner0)" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Platform status" })).ToBeVisibleAsync(new() { Timeout = Slow });
            Assert.Equal(new Uri(frontend, "/").ToString(), page.Url);
        });
    }

    [Fact]
    public async Task The_applications_owner_follows_the_link_to_the_shards_and_sees_them_ready()
    {
        await RunAsync(nameof(The_applications_owner_follows_the_link_to_the_shards_and_sees_them_ready), async (page, _, guild) =>
        {
            // The emulator's application belongs to owner0: no bot-owner-ids setting is needed.
            await DiscordSignIn.SignInAsync(page, "Owner 0", "owner0");

            // The status page's details are for the bot's owners.
            await page.GotoAsync(platform.App.GetEndpoint("frontend", "http").ToString());
            await Assertions.Expect(page.GetByTestId("latest-migration")).ToHaveTextAsync(new Regex(@"^\d{14}_\w+$"), new() { Timeout = Slow });
            await page.GotoAsync(new Uri(platform.App.GetEndpoint("frontend", "http"), "/guilds").ToString());
            await page.GetByRole(AriaRole.Link, new() { Name = "Shards and the bot's health" }).ClickAsync();

                var shards = page.GetByRole(AriaRole.Table);
                await Assertions
                    .Expect(shards.Locator("caption"))
                    .ToHaveTextAsync(new Regex(@"^Shards \((\d+) of \1 ready; [\d,]+ guilds in 1 process\)$"), new() { Timeout = Slow });
                await Assertions
                    .Expect(shards.GetByRole(AriaRole.Cell, new() { Name = "ready", Exact = true }).First)
                    .ToBeVisibleAsync();

            // The busiest page, on a phone: charts, tables and forms must not push it sideways.
            await page.SetViewportSizeAsync(360, 740);
            await page.GetByRole(AriaRole.Link, new() { Name = "← Your servers" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = guild.GetProperty("name").GetString() }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit log" })).ToBeVisibleAsync(new() { Timeout = Slow });
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AI usage" })).ToBeVisibleAsync();
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"The server's page scrolls sideways by {overflow} px on a 360 px screen.");
            await SignOutAsync(page);
        });
    }

    [Fact]
    public async Task A_member_granted_view_analytics_sees_the_server_and_its_budget_but_cannot_change_modules()
    {
        await RunAsync(nameof(A_member_granted_view_analytics_sees_the_server_and_its_budget_but_cannot_change_modules), async (page, _, guild) =>
        {
            var member = guild.GetProperty("members")[2].GetProperty("user");
            var memberId = member.GetProperty("id").GetString()!;
            await DiscordSignIn.SignInAsync(page, "Owner 0", "owner0");
            await page.GetByRole(AriaRole.Link, new() { Name = guild.GetProperty("name").GetString() }).ClickAsync();
            await page.GetByLabel("Member id").FillAsync(memberId);
            await page.GetByRole(AriaRole.Button, new() { Name = "Grant access" }).ClickAsync();
            var revoke = page.GetByRole(AriaRole.Button, new() { Name = $"Take back access of user {memberId}" });
            await Assertions.Expect(revoke).ToBeVisibleAsync(new() { Timeout = Slow });
            await SignOutAsync(page);

            try
            {
                await page.GotoAsync(new Uri(platform.App.GetEndpoint("frontend", "http"), "/guilds").ToString());
                await DiscordSignIn.SignInAsync(page, member.GetProperty("global_name").GetString()!, member.GetProperty("username").GetString()!);
                await page.GetByRole(AriaRole.Link, new() { Name = guild.GetProperty("name").GetString() }).ClickAsync();

                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Budget" })).ToBeVisibleAsync(new() { Timeout = Slow });
                await Assertions.Expect(page.GetByRole(AriaRole.Switch, new() { Name = "tags" })).ToBeDisabledAsync(new() { Timeout = Slow });
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access" })).ToHaveCountAsync(0);
                await page.GotoAsync(new Uri(platform.App.GetEndpoint("frontend", "http"), "/platform").ToString());
                await Assertions.Expect(page.GetByText("Only the bot's owners see its shards.")).ToBeVisibleAsync(new() { Timeout = Slow });
                await SignOutAsync(page);
            }
            finally
            {
                await DiscordSignIn.SignInAsync(page, "Owner 0", "owner0", fromLoginPage: true);
                await page.GetByRole(AriaRole.Link, new() { Name = guild.GetProperty("name").GetString() }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = $"Take back access of user {memberId}" }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Take back access of user {memberId}" })).ToHaveCountAsync(0);
            }
        });
    }

    [Fact]
    public async Task An_ask_in_Discord_shows_on_the_usage_chart_within_seconds()
    {
        await RunAsync(nameof(An_ask_in_Discord_shows_on_the_usage_chart_within_seconds), async (page, discord, guild) =>
        {
            await DiscordSignIn.SignInAsync(page, "Owner 0", "owner0");
            await page.GetByRole(AriaRole.Link, new() { Name = guild.GetProperty("name").GetString() }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AI usage" })).ToBeVisibleAsync(new() { Timeout = Slow });
            var before = await CallsOnChartAsync(page);

                var answer = await EmulatorInteractions.InvokeAsync(
                    discord,
                    guild,
                    "ask",
                    """[{"name":"prompt","type":3,"value":"What does this cost?"}]""",
                    CancellationToken.None,
                    settleMs: 3_000);
                Assert.Equal("Emulated answer to: What does this cost?", answer);

            await Eventually.TrueAsync(async () =>
            {
                await page.ReloadAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AI usage" })).ToBeVisibleAsync(new() { Timeout = Slow });
                return await CallsOnChartAsync(page) > before;
            }, "the call on the chart", TimeSpan.FromSeconds(30));
        });
    }

    /// <summary>The calls the chart's summary counts, once it has loaded; zero when the span has none.</summary>
    private static async Task<int> CallsOnChartAsync(IPage page)
    {
        var chart = page.GetByRole(AriaRole.Figure);
        var empty = page.GetByText("No AI calls in these days.");
        await Assertions.Expect(chart.Or(empty)).ToBeVisibleAsync(new() { Timeout = Slow });
        if (await empty.IsVisibleAsync())
        {
            return 0;
        }

        var label = await chart.GetAttributeAsync("aria-label") ?? "";
        return int.Parse(Regex.Match(label, @"in (\d+) calls?$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task RunAsync(string testName, Func<IPage, HttpClient, JsonElement, Task> steps)
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("frontend", timeout.Token);
        using var discord = platform.App.CreateHttpClient("discord");
        var guild = await platform.FirstGuildAsync(discord, timeout.Token);

        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(Slow);
        try
        {
            await page.GotoAsync(new Uri(platform.App.GetEndpoint("frontend", "http"), "/guilds").ToString());
            await steps(page, discord, guild);
        }
        catch
        {
            await Chromium.SaveScreenshotAsync(page, testName);
            throw;
        }
    }

    /// <summary>
    /// From a page that sends signed-out visitors to the sign-in page: Discord's consent page (the emulator's), then
    /// back to the servers.
    /// </summary>
    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login$"), new() { Timeout = Slow });
    }
}
