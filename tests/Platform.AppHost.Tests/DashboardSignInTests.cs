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
    public async Task A_guild_owner_signs_in_through_the_frontend_and_sees_the_guild_and_modules_the_bot_reported()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("frontend", timeout.Token);
        using var discord = platform.App.CreateHttpClient("discord");
        var guild = await platform.FirstGuildAsync(discord, timeout.Token);
        var frontend = platform.App.GetEndpoint("frontend", "http");
        using var browser = new HttpClient(
            new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = frontend,
        };

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

    }
}
