using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Platform.Testing;

namespace Platform.AppHost.Tests;

[Collection(PlatformAppCollection.Name)]
public sealed class StatusPageTests(PlatformAppFixture platform)
{
    [Fact]
    public async Task Status_page_shows_anyone_that_the_database_and_redis_are_up_and_nothing_more_in_chromium()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("frontend", timeout.Token);
        var frontend = platform.App.GetEndpoint("frontend", "http");

        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        try
        {
            await page.GotoAsync(frontend.ToString());

            await Assertions
                .Expect(page.GetByText("Reachable", new() { Exact = true }))
                .ToHaveCountAsync(2, new() { Timeout = Chromium.FirstRenderTimeoutMs });
            await Assertions
                .Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Platform status" }))
                .ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("latest-migration")).ToHaveCountAsync(0);
        }
        catch
        {
            await Chromium.SaveScreenshotAsync(
                page,
                nameof(Status_page_shows_anyone_that_the_database_and_redis_are_up_and_nothing_more_in_chromium));
            throw;
        }
    }

    [Fact]
    public async Task Pages_follow_the_systems_dark_mode_and_fit_a_phone_screen()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("frontend", timeout.Token);
        var frontend = platform.App.GetEndpoint("frontend", "http");
        await using var browser = await Chromium.LaunchAsync();

        var colours = new Dictionary<ColorScheme, string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var page = await browser.NewPageAsync(new() { ColorScheme = scheme, ViewportSize = new() { Width = 360, Height = 740 } });
            try
            {
                foreach (var path in new[] { "/", "/login" })
                {
                    await page.GotoAsync(new Uri(frontend, path).ToString());
                    await Assertions
                        .Expect(page.GetByRole(AriaRole.Heading).First)
                        .ToBeVisibleAsync(new() { Timeout = Chromium.FirstRenderTimeoutMs });
                    var overflow = await page.EvaluateAsync<int>(
                        "document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    Assert.True(
                        overflow <= 0,
                        $"{path} scrolls sideways by {overflow} px on a 360 px screen ({scheme}).");
                }

                colours[scheme] = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
            }
            catch
            {
                await Chromium.SaveScreenshotAsync(page, $"{nameof(Pages_follow_the_systems_dark_mode_and_fit_a_phone_screen)}-{scheme}");
                throw;
            }
        }

        Assert.Equal("rgb(247, 247, 249)", colours[ColorScheme.Light]);
        Assert.Equal("rgb(21, 22, 26)", colours[ColorScheme.Dark]);
    }
}
