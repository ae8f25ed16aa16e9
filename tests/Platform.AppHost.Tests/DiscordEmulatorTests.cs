using System.Text.Json;
using Aspire.Hosting.Testing;
using Platform.Testing;

namespace Platform.AppHost.Tests;

[Collection(PlatformAppCollection.Name)]
public sealed class DiscordEmulatorTests(PlatformAppFixture platform)
{
    [Fact]
    public async Task With_no_bot_token_the_bot_holds_a_gateway_session_on_the_emulator()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("bot", timeout.Token);
        using var discord = platform.App.CreateHttpClient("discord");

        using var sessions = JsonDocument.Parse(await discord.GetStringAsync("/control/sessions", timeout.Token));

        var session = Assert.Single(sessions.RootElement.EnumerateArray());
        Assert.True(session.GetProperty("connected").GetBoolean());
        Assert.Equal(0, session.GetProperty("shard_id").GetInt32());
    }
}
