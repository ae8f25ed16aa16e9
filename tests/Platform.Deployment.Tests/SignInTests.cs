using System.Text.Json;
using Microsoft.Playwright;
using Platform.Testing;

namespace Platform.Deployment.Tests;

/// <summary>A guild admin's path through the published port: sign in with Discord, then read the server's AI usage.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class SignInTests(DeploymentFixture deployment)
{
    private const string PublicUrl = "http://localhost:3000";

    [Fact]
    public async Task An_owner_signs_in_through_the_frontends_published_port_and_the_usage_api_shows_an_ask_with_its_cost()
    {
        var guild = await deployment.Owner.GuildAsync();
        var guildId = guild.GetProperty("id").GetString();
        Assert.StartsWith("Emulated answer", await deployment.Owner.AskAsync("What does this cost?"));

        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{PublicUrl}/guilds");
        await DiscordSignIn.SignInAsync(page, "Owner 0", "owner0");
        var totals = await Eventually.ValueAsync(async () =>
        {
            var answer = await page.APIRequest.GetAsync($"{PublicUrl}/api/guilds/{guildId}/llm/usage");
            using var report = JsonDocument.Parse(await answer.TextAsync());
            var totals = report.RootElement.GetProperty("totals");
            return totals.GetProperty("calls").GetInt64() > 0 ? totals.GetRawText() : null;
        }, "the ask in the usage report", TimeSpan.FromSeconds(30));

        Assert.True(JsonDocument.Parse(totals).RootElement.GetProperty("costUsd").GetDecimal() > 0, totals);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = guild.GetProperty("name").GetString() })).ToBeVisibleAsync();
    }
}
