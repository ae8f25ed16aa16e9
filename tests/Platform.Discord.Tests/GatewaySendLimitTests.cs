using System.Net.WebSockets;
using Microsoft.Extensions.Time.Testing;
using Platform.Discord.Gateway;
using Platform.Discord.RateLimiting;

namespace Platform.Discord.Tests;

/// <summary>The client keeps itself within what the gateway enforces, before anything is sent.</summary>
public sealed class GatewaySendLimitTests
{
    [Fact]
    public async Task A_payload_over_4096_bytes_is_refused_before_it_reaches_the_socket()
    {
        using var connection = new GatewayConnection(new ClientWebSocket(), compressed: false, TimeProvider.System);
        var identify = new IdentifyPayload(new string('t', 5000), new IdentifyProperties("linux", "test", "test"), GatewayIntents.Guilds);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            connection
                .SendAsync(
                    new(GatewayOpCode.Identify, identify),
                    Platform.Discord.Json.DiscordJsonContext.Default.GatewayPayloadIdentifyPayload,
                    CancellationToken.None)
                .AsTask());

        Assert.Contains("at most 4096 bytes", error.Message);
    }

    [Fact]
    public async Task Ordinary_sends_wait_for_the_window_while_heartbeats_use_the_room_kept_for_them()
    {
        var clock = new FakeTimeProvider();
        var limiter = new SlidingWindowLimiter(GatewayLimits.SendsPerWindow, GatewayLimits.SendWindow, clock);
        const int reserve = 5;
        for (var i = 0; i < GatewayLimits.SendsPerWindow - reserve; i++)
        {
            await limiter.WaitAsync(reserve, CancellationToken.None);
        }

        var ordinary = limiter.WaitAsync(reserve, CancellationToken.None).AsTask();
        var heartbeats = Enumerable.Range(0, reserve).Select(_ => limiter.WaitAsync(0, CancellationToken.None).AsTask()).ToList();

        Assert.All(heartbeats, beat => Assert.True(beat.IsCompletedSuccessfully, "A heartbeat waited although room was kept for it."));
        Assert.False(ordinary.IsCompleted, "An ordinary send went past the limit less the reserve.");

        clock.Advance(GatewayLimits.SendWindow);
        await ordinary.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
