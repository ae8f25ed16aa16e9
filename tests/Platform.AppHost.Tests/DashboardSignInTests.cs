using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Platform.Testing;

namespace Platform.AppHost.Tests;

[Collection(PlatformAppCollection.Name)]
public sealed class DashboardSignInTests(PlatformAppFixture platform)
{
    [Fact]
    public async Task A_guild_owner_signs_in_through_the_frontend_and_manages_the_guild_the_bot_reported()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("frontend", timeout.Token);
        using var discord = platform.App.CreateHttpClient("discord");
        var guild = await platform.FirstGuildAsync(discord, timeout.Token);
        var frontend = platform.App.GetEndpoint("frontend", "http");
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = frontend };

        using var login = await browser.GetAsync("/api/auth/login?returnTo=/guilds", timeout.Token);
        var authorize = login.Headers.Location!;
        var callback = await ConsentPage.ApproveAsync(authorize, ulong.Parse(guild.GetProperty("owner_id").GetString()!));
        var (code, state) = ConsentPage.ReadCallback(callback);
        using var signedIn = await browser.PostAsJsonAsync("/api/auth/callback", new { code, state }, timeout.Token);

        Assert.Equal(platform.App.GetEndpoint("discord", "http").Authority, authorize.Authority);
        Assert.Equal(new Uri(frontend, "/auth/callback"), new Uri(callback.GetLeftPart(UriPartial.Path)));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var id = guild.GetProperty("id").GetString();
        await Eventually.TrueAsync(async () =>
        {
            using var guilds = JsonDocument.Parse(await browser.GetStringAsync("/api/guilds", timeout.Token));
            return guilds.RootElement.EnumerateArray().Any(g => g.GetProperty("id").GetString() == id && g.GetProperty("botPresent").GetBoolean());
        }, "the bot's guild on the dashboard");
        using var modules = JsonDocument.Parse(await browser.GetStringAsync($"/api/guilds/{id}/modules", timeout.Token));
        Assert.Contains(modules.RootElement.EnumerateArray(), m => m.GetProperty("name").GetString() == "tags");

        // Turning a module off on the dashboard turns its commands off in Discord at once.
        using var me = JsonDocument.Parse(await browser.GetStringAsync("/api/me", timeout.Token));
        browser.DefaultRequestHeaders.Add("X-CSRF-Token", me.RootElement.GetProperty("csrfToken").GetString());
        try
        {
            using var off = await browser.PutAsJsonAsync($"/api/guilds/{id}/modules/tags", new { enabled = false }, timeout.Token);
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
            // The bot hears of it over Redis pub/sub, beside the gateway: a command already on its way may still run.
            await Eventually.TrueAsync(async () =>
                await PlatformAppFixture.InvokeAsync(discord, guild, "tag", """[{"name":"list","type":1}]""", timeout.Token)
                    == "The `tags` module is turned off in this server. A server admin can turn it on in the dashboard.",
                "the bot refusing the turned-off module's command", TimeSpan.FromSeconds(10));
        }
        finally
        {
            using var on = await browser.PutAsJsonAsync($"/api/guilds/{id}/modules/tags", new { enabled = true }, CancellationToken.None);
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        }
    }
}
