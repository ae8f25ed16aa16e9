using Platform.Discord.Gateway;
using Platform.DiscordEmulator.Gateway;

namespace Platform.Discord.Tests;

public sealed class ResilienceTests
{
    private static readonly string[] Faults = [FaultKinds.Drop, FaultKinds.Reconnect, FaultKinds.Close];

    [Fact]
    public async Task Two_hundred_forced_disconnects_during_a_100k_event_stream_deliver_every_sequence_once_in_order()
    {
        const int cycles = 200;
        const int eventsPerCycle = 500;
        await using var emulator = await TestEmulator.StartAsync("Guilds=1");
        await using var client = await GatewayTestClient.StartAsync(emulator);
        await client.WaitForAsync(events => events.Count == 2);

        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            await emulator.StreamAsync(eventsPerCycle, contentLength: 200);
            await emulator.FaultAsync(Faults[cycle % Faults.Length], code: GatewayCloseCode.UnknownError);
            var resumes = cycle;
            await Eventually.TrueAsync(async () => (await emulator.SessionsAsync()).Single().Resumes == resumes, $"resume {cycle}");
        }

        var total = (await emulator.SessionsAsync()).Single().Sequence;
        await client.WaitForAsync(events => events.Count == total);
        var received = client.Received;
        Assert.Equal(Enumerable.Range(1, total), received.Select(e => e.Sequence));
        Assert.Equal(cycles * eventsPerCycle, received.Count(e => e.Name == GatewayEventNames.MessageCreate));
        Assert.Equal(cycles, received.Count(e => e.Name == GatewayEventNames.Resumed));
        Assert.Single(await emulator.IdentifiesAsync());
    }
}
