using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Platform.Testing;

/// <summary>A member signs in to the admin UI as they would: the Discord button, then the emulator's consent page.</summary>
public static class DiscordSignIn
{
    /// <param name="fromLoginPage">The page is on /login already, rather than sent there from /guilds.</param>
    public static async Task SignInAsync(IPage page, string displayName, string username, bool fromLoginPage = false)
    {
        if (!fromLoginPage)
        {
            await Assertions
                .Expect(page)
                .ToHaveURLAsync(
                    new Regex("/login\\?returnTo=%2Fguilds$"),
                    new() { Timeout = Chromium.FirstRenderTimeoutMs });
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Discord" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Authorize as {displayName} ({username})" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Signed in as")).ToContainTextAsync(displayName, new() { Timeout = Chromium.FirstRenderTimeoutMs });
    }
}
