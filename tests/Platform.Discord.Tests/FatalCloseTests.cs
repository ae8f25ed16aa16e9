using Platform.Discord.Gateway;
using Platform.DiscordEmulator.Gateway;

namespace Platform.Discord.Tests;

public sealed class FatalCloseTests
{
    // NOTES §C.6: fatal close codes must not loop.
    [Theory]
    [InlineData(GatewayCloseCode.AuthenticationFailed)]
    [InlineData(GatewayCloseCode.InvalidShard)]
    [InlineData(GatewayCloseCode.ShardingRequired)]
    [InlineData(GatewayCloseCode.InvalidApiVersion)]
    [InlineData(GatewayCloseCode.InvalidIntents)]
    [InlineData(GatewayCloseCode.DisallowedIntents)]
    public async Task A_fatal_close_code_stops_the_shard_with_its_cause_and_never_reconnects(int code)
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await GatewayTestClient.StartAsync(emulator);
        await client.WaitForAsync(events => events.Any(e => e.Name == GatewayEventNames.Ready));

        await emulator.FaultAsync(FaultKinds.Close, code: code);

        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => client.Client.Completion.WaitAsync(GatewayTestClient.Timeout));
        Assert.Equal(code, error.CloseCode);
        Assert.Equal(ShardState.Fatal, client.Shard.Status.State);
        Assert.Equal(GatewayCloseCode.Describe(code), client.Shard.Status.FatalReason);
        Assert.Equal((1, 0), (client.Shard.Status.Identifies, client.Shard.Status.Reconnects));
    }

    [Fact]
    public async Task Asking_for_a_privileged_intent_not_enabled_ends_with_4014_after_one_attempt()
    {
        await using var emulator = await TestEmulator.StartAsync("EnabledPrivilegedIntents=None");
        await using var client = await GatewayTestClient.StartAsync(emulator, options =>
            options with
            {
                Intents = GatewayIntents.Guilds | GatewayIntents.MessageContent,
            });

        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => client.Client.Completion.WaitAsync(GatewayTestClient.Timeout));

        Assert.Equal(GatewayCloseCode.DisallowedIntents, error.CloseCode);
        Assert.Contains("privileged intent", error.Message);
        Assert.Equal((1, 0), (client.Shard.Status.Identifies, client.Shard.Status.Reconnects));
    }
}
