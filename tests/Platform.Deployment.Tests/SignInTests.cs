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
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var guild = (await EmulatorInteractions.GuildsAsync(deployment.Discord, timeout.Token))[0];
        var guildId = guild.GetProperty("id").GetString();
        Assert.StartsWith("Emulated answer", await EmulatorInteractions.InvokeAsync(deployment.Discord, guild, "ask", """[{"name":"prompt","type":3,"value":"What does this cost?"}]""", timeout.Token, settleMs: 500));

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
