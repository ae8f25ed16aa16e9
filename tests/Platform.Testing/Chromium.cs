using Microsoft.Playwright;

namespace Platform.Testing;

/// <summary>
/// Debian's Chromium driven by Playwright; Playwright's own browser download cannot run here.
/// The flags keep it from reaching for the network on a machine that has none.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// How long a page may take to show what it loads: next dev compiles each page and the
    /// proxy on their first visit, which on a busy 2-core machine takes a while.
    /// </summary>
    public const float FirstRenderTimeoutMs = 90_000;

    public static async Task<BrowserSession> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        return new BrowserSession(playwright, browser);
    }

    public static async Task SaveScreenshotAsync(IPage page, string testName)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        try
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{testName}.png"), FullPage = true, Timeout = 10_000 });
        }
        catch (Exception error) when (error is PlaywrightException or TimeoutException)
        {
            // A page that cannot be photographed must not hide why the test failed.
            await File.WriteAllTextAsync(Path.Combine(directory, $"{testName}.txt"), $"No screenshot of {page.Url}: {error.Message}");
        }
    }

    public sealed class BrowserSession(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
    {
        public Task<IPage> NewPageAsync(BrowserNewPageOptions? options = null) => browser.NewPageAsync(options);

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
