using Platform.Discord.Gateway;

namespace Platform.Discord.Tests;

/// <summary>The emulator enforces what Discord enforces, seen from a bare WebSocket.</summary>
public sealed class EmulatorEnforcementTests
{
    public static TheoryData<string, string[], string[], int> Violations =>
        new()
        {
            {
                "a payload before identifying",
                [],
                ["""{"op":3,"d":{"status":"online","since":null,"activities":[],"afk":false}}"""],
                GatewayCloseCode.NotAuthenticated
            },
            {
                "a second identify",
                [],
                [RawGateway.Identify(), RawGateway.Identify()],
                GatewayCloseCode.AlreadyAuthenticated
            },
            {
                "a payload over 4096 bytes",
                [],
                [$$"""{"op":1,"d":null,"x":"{{new string('x', 4100)}}"}"""],
                GatewayCloseCode.DecodeError
            },
            { "malformed JSON", [], ["{\"op\":"], GatewayCloseCode.DecodeError },
            { "a heartbeat without its d", [], ["""{"op":1}"""], GatewayCloseCode.DecodeError },
            { "an identify that is not an object", [], ["""{"op":2,"d":"me"}"""], GatewayCloseCode.DecodeError },
            { "an identify with a null d", [], ["""{"op":2,"d":null}"""], GatewayCloseCode.DecodeError },
            {
                "an unknown opcode after identifying",
                [],
                [RawGateway.Identify(), """{"op":42,"d":null}"""],
                GatewayCloseCode.UnknownOpcode
            },
            {
                "the wrong token",
                [],
                [RawGateway.Identify(token: "not-the-token")],
                GatewayCloseCode.AuthenticationFailed
            },
            {
                "an intent bit Discord does not define",
                [],
                [RawGateway.Identify(intents: 1 << 30)],
                GatewayCloseCode.InvalidIntents
            },
            {
                "a privileged intent not enabled",
                ["EnabledPrivilegedIntents=None"],
                [RawGateway.Identify(intents: 1 << 15)],
                GatewayCloseCode.DisallowedIntents
            },
            {
                "a shard outside the count",
                [],
                [RawGateway.Identify(shard: 2, shards: 2)],
                GatewayCloseCode.InvalidShard
            },
            { "too few shards", ["MinimumShards=2"], [RawGateway.Identify()], GatewayCloseCode.ShardingRequired },
            {
                "121 sends within a minute",
                [],
                [.. Enumerable.Repeat("""{"op":1,"d":null}""", 121)],
                GatewayCloseCode.RateLimited
            },
        };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task Breaking_a_rule_closes_with_its_code(string rule, string[] settings, string[] payloads, int expectedCode)
    {
        await using var emulator = await TestEmulator.StartAsync(settings);
        await using var gateway = await RawGateway.ConnectAsync(emulator);
        await gateway.ReceiveOpAsync((int)GatewayOpCode.Hello);

        foreach (var payload in payloads)
        {
            await gateway.SendAsync(payload);
        }

        Assert.True(expectedCode == await gateway.ReceiveCloseAsync(), $"{rule} should close with {expectedCode}");
    }

    [Fact]
    public async Task An_unsupported_api_version_closes_with_4012()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var gateway = await RawGateway.ConnectAsync(emulator, query: "v=6&encoding=json");

        Assert.Equal(GatewayCloseCode.InvalidApiVersion, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_connection_that_stops_heartbeating_is_closed_with_4009()
    {
        await using var emulator = await TestEmulator.StartAsync("HeartbeatIntervalMs=100");
        await using var gateway = await RawGateway.ConnectAsync(emulator);

        var hello = await gateway.ReceiveOpAsync((int)GatewayOpCode.Hello);

        Assert.Equal(100, hello.GetProperty("d").GetProperty("heartbeat_interval").GetInt32());
        Assert.Equal(GatewayCloseCode.SessionTimedOut, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Heartbeats_are_acknowledged_and_events_are_numbered_from_one()
    {
        await using var emulator = await TestEmulator.StartAsync("Guilds=2");
        await using var gateway = await RawGateway.ConnectAsync(emulator);
        await gateway.ReceiveOpAsync((int)GatewayOpCode.Hello);

        await gateway.SendAsync("""{"op":1,"d":null}""");
        await gateway.ReceiveOpAsync((int)GatewayOpCode.HeartbeatAck);
        await gateway.SendAsync(RawGateway.Identify());
        var ready = await gateway.ReceiveOpAsync(0, GatewayEventNames.Ready);

        Assert.Equal(1, ready.GetProperty("s").GetInt32());
        Assert.DoesNotContain("?", ready.GetProperty("d").GetProperty("resume_gateway_url").GetString());
        Assert.Equal(2, (await gateway.ReceiveOpAsync(0, GatewayEventNames.GuildCreate)).GetProperty("s").GetInt32());
    }

    [Fact]
    public async Task A_second_identify_in_a_bucket_within_the_interval_gets_an_invalid_session()
    {
        await using var emulator = await TestEmulator.StartAsync("Shards=2", "MaxConcurrency=1");
        await using var first = await RawGateway.ConnectAsync(emulator);
        await using var second = await RawGateway.ConnectAsync(emulator);
        await first.ReceiveOpAsync((int)GatewayOpCode.Hello);
        await second.ReceiveOpAsync((int)GatewayOpCode.Hello);

        await first.SendAsync(RawGateway.Identify(shard: 0, shards: 2));
        await first.ReceiveOpAsync(0, GatewayEventNames.Ready);
        await second.SendAsync(RawGateway.Identify(shard: 1, shards: 2));
        var invalid = await second.ReceiveOpAsync((int)GatewayOpCode.InvalidSession);

        Assert.False(invalid.GetProperty("d").GetBoolean());
    }

    [Fact]
    public async Task Resume_on_the_resume_url_replays_missed_events_in_order_then_resumed()
    {
        await using var emulator = await TestEmulator.StartAsync("Guilds=1");
        string sessionId;
        await using (var first = await RawGateway.ConnectAsync(emulator))
        {
            await first.ReceiveOpAsync((int)GatewayOpCode.Hello);
            await first.SendAsync(RawGateway.Identify());
            sessionId = (await first.ReceiveOpAsync(0, GatewayEventNames.Ready)).GetProperty("d").GetProperty("session_id").GetString()!;
            await first.ReceiveOpAsync(0, GatewayEventNames.GuildCreate);
        }

        await emulator.StreamAsync(3);
        await using var resumed = await RawGateway.ConnectAsync(emulator, path: "/gateway/resume");
        await resumed.ReceiveOpAsync((int)GatewayOpCode.Hello);
        await resumed.SendAsync($$$"""{"op":6,"d":{"token":"{{{TestEmulator.Token}}}","session_id":"{{{sessionId}}}","seq":2}}""");

        var replayed = new List<(int Sequence, string Name)>();
        while (replayed.LastOrDefault().Name != GatewayEventNames.Resumed)
        {
            var message = await resumed.ReceiveOpAsync(0);
            replayed.Add((message.GetProperty("s").GetInt32(), message.GetProperty("t").GetString()!));
        }

        Assert.Equal([(3, "MESSAGE_CREATE"), (4, "MESSAGE_CREATE"), (5, "MESSAGE_CREATE"), (6, "RESUMED")], replayed);
    }

    [Fact]
    public async Task Resume_on_the_identify_url_or_with_an_unknown_session_is_refused_with_op_9()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var gateway = await RawGateway.ConnectAsync(emulator);
        await gateway.ReceiveOpAsync((int)GatewayOpCode.Hello);

        await gateway.SendAsync($$$"""{"op":6,"d":{"token":"{{{TestEmulator.Token}}}","session_id":"no-such-session","seq":1}}""");
        var invalid = await gateway.ReceiveOpAsync((int)GatewayOpCode.InvalidSession);

        Assert.False(invalid.GetProperty("d").GetBoolean());
    }
}
