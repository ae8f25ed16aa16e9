using Aspire.Hosting.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Platform.Data;
using Platform.Testing;

namespace Platform.AppHost.Tests;

[Collection(PlatformAppCollection.Name)]
public sealed class StatusPageTests(PlatformAppFixture platform)
{
    [Fact]
    public async Task Status_page_shows_the_latest_migration_in_chromium()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("frontend", timeout.Token);
        var frontend = platform.App.GetEndpoint("frontend", "http");
        using var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString("Host=unused"));
        var latest = db.Database.GetMigrations().Last();

        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        try
        {
            await page.GotoAsync(frontend.ToString());

            await Assertions.Expect(page.GetByTestId("latest-migration")).ToHaveTextAsync(latest, new() { Timeout = Chromium.FirstRenderTimeoutMs });
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Platform status" })).ToBeVisibleAsync();
        }
        catch
        {
            await Chromium.SaveScreenshotAsync(page, nameof(Status_page_shows_the_latest_migration_in_chromium));
            throw;
        }
    }
}
