using Platform.Discord.Gateway;
using Platform.DiscordEmulator.Gateway;

namespace Platform.Discord.Tests;

/// <summary>The client against the emulator: connecting, heartbeats, sequences and resumes.</summary>
public sealed class GatewaySessionTests
{
    [Fact]
    public async Task Identifies_and_receives_ready_then_a_guild_create_per_guild_in_sequence()
    {
        await using var emulator = await TestEmulator.StartAsync("Guilds=3");
        await using var client = await GatewayTestClient.StartAsync(emulator);

        await client.WaitForAsync(events => events.Count(e => e.Name == GatewayEventNames.GuildCreate) == 3);

        Assert.Equal([GatewayEventNames.Ready, GatewayEventNames.GuildCreate, GatewayEventNames.GuildCreate, GatewayEventNames.GuildCreate],
            client.Received.Select(e => e.Name));
        Assert.Equal([1, 2, 3, 4], client.Received.Select(e => e.Sequence));
        Assert.Equal(ShardState.Ready, client.Shard.Status.State);
        Assert.Equal(3, client.Shard.Status.GuildCount);
    }

    [Fact]
    public async Task Heartbeats_carry_the_last_sequence_received()
    {
        await using var emulator = await TestEmulator.StartAsync("HeartbeatIntervalMs=600", "Guilds=2");
        await using var client = await GatewayTestClient.StartAsync(emulator);
        await client.WaitForAsync(events => events.Count == 3);

        await Eventually.TrueAsync(async () => (await emulator.SessionsAsync()).Single().Heartbeats.Contains(3), "a heartbeat with d = 3");

        var session = (await emulator.SessionsAsync()).Single();
        Assert.DoesNotContain(session.Heartbeats, d => d > 3);
        Assert.NotNull(client.Shard.Status.Latency);
    }

    // NOTES §C.2: zombie connections are detected and resumed.
    [Fact]
    public async Task A_zombie_connection_is_closed_and_resumed_not_reidentified()
    {
        // The emulator is lenient about late beats here: on a busy machine its own 4009 would end
        // the session before the client's zombie detection is what closes the connection.
        await using var emulator = await TestEmulator.StartAsync("HeartbeatIntervalMs=200", "HeartbeatTimeoutIntervals=50");
        await using var client = await GatewayTestClient.StartAsync(emulator);
        await client.WaitForAsync(events => events.Any(e => e.Name == GatewayEventNames.Ready));

        await emulator.FaultAsync(FaultKinds.StopAcks);
        await Eventually.TrueAsync(() => Task.FromResult(client.Shard.Status.Reconnects >= 1), "the client to give up on the silent connection");
        await emulator.FaultAsync(FaultKinds.StopAcks, on: false);
        await client.WaitForAsync(events => events.Any(e => e.Name == GatewayEventNames.Resumed));

        Assert.Single(await emulator.IdentifiesAsync());
        Assert.Equal(1, (await emulator.SessionsAsync()).Single().Resumes);
        Assert.Equal(ShardState.Ready, client.Shard.Status.State);
    }

    // NOTES §C.8 and §C.9: resumes go to resume_gateway_url (the only URL the emulator resumes on) and keep sequence bookkeeping exact.
    [Fact]
    public async Task Three_reconnect_cycles_deliver_every_sequence_once_in_order_on_one_session()
    {
        await using var emulator = await TestEmulator.StartAsync("Guilds=1");
        await using var client = await GatewayTestClient.StartAsync(emulator);
        await client.WaitForAsync(events => events.Count == 2);
        var sessionId = client.Shard.Status.SessionId;

        for (var cycle = 1; cycle <= 3; cycle++)
        {
            await emulator.FaultAsync(FaultKinds.Reconnect);
            await emulator.StreamAsync(5);
            var expected = cycle;
            await client.WaitForAsync(events => events.Count(e => e.Name == GatewayEventNames.Resumed) == expected);
        }

        await client.WaitForAsync(events => events.Count(e => e.Name == GatewayEventNames.MessageCreate) == 15);
        var sequences = client.Received.Select(e => e.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
        Assert.Equal(sessionId, client.Shard.Status.SessionId);
        Assert.Single(await emulator.IdentifiesAsync());
    }

    [Fact]
    public async Task A_non_resumable_invalid_session_starts_a_new_session()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await GatewayTestClient.StartAsync(emulator, identifyInterval: TimeSpan.FromMilliseconds(100));
        await client.WaitForAsync(events => events.Any(e => e.Name == GatewayEventNames.Ready));
        var firstSession = client.Shard.Status.SessionId;

        await emulator.FaultAsync(FaultKinds.InvalidSession, resumable: false);
        await client.WaitForAsync(events => events.Count(e => e.Name == GatewayEventNames.Ready) == 2);

        Assert.NotEqual(firstSession, client.Shard.Status.SessionId);
        Assert.Equal(2, (await emulator.IdentifiesAsync()).Count(i => i.Accepted));
    }

    // NOTES §C.1: a resume that keeps failing must fall back to IDENTIFY, not loop.
    [Fact]
    public async Task A_resume_that_keeps_failing_falls_back_to_identify()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await GatewayTestClient.StartAsync(emulator, identifyInterval: TimeSpan.FromMilliseconds(100));
        await client.WaitForAsync(events => events.Any(e => e.Name == GatewayEventNames.Ready));

        await emulator.FaultAsync(FaultKinds.RefuseResume);
        await emulator.FaultAsync(FaultKinds.Drop);
        await client.WaitForAsync(events => events.Count(e => e.Name == GatewayEventNames.Ready) == 2);

        Assert.Equal(2, (await emulator.IdentifiesAsync()).Count(i => i.Accepted));
        Assert.Equal(ShardState.Ready, client.Shard.Status.State);
    }

    // NOTES §C.11: a blocked handler must not stop heartbeats.
    [Fact]
    public async Task A_blocked_consumer_does_not_stop_heartbeats()
    {
        // The emulator closes a connection 1.5 intervals after HELLO without a heartbeat; a cold
        // test process, beside the other test classes running in parallel on two cores, can take
        // more than a second to send its first frames (seen once in CI at 1 s), so the interval is
        // well above that, and the expectation below is counted in intervals.
        const int intervalMs = 2000;
        await using var emulator = await TestEmulator.StartAsync($"HeartbeatIntervalMs={intervalMs}");
        await using var client = await GatewayTestClient.StartAsync(emulator, options => options with { DispatchCapacity = 4 }, read: false);
        await Eventually.TrueAsync(async () => (await emulator.SessionsAsync()).Count == 1, "a session");

        await emulator.StreamAsync(200);
        var before = (await emulator.SessionsAsync()).Single().Heartbeats.Count;
        await Task.Delay(TimeSpan.FromMilliseconds(6 * intervalMs));
        var session = (await emulator.SessionsAsync()).Single();

        Assert.True(session.Heartbeats.Count >= before + 3, $"Only {session.Heartbeats.Count - before} heartbeats in 6 intervals.");
        Assert.True(session.Connected);
        Assert.Equal(0, client.Shard.Status.Reconnects);
    }
}
