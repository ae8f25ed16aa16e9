using System.Buffers;
using System.Runtime.InteropServices;
using Platform.Discord.Gateway;
using Platform.Discord.Json;

namespace Platform.Discord.Tests;

/// <summary>A dispatch read from a shard lends its data from a pooled buffer for as long as a reference is held.</summary>
public sealed class DispatchLifetimeTests
{
    [Fact]
    public async Task A_retained_dispatch_outlives_its_reader_and_its_last_reference_returns_the_buffer()
    {
        await using var emulator = await TestEmulator.StartAsync("Guilds=1");
        await using var client = await GatewayTestClient.StartAsync(emulator);
        await client.WaitForAsync(events => events.Any(e => e.Name == GatewayEventNames.GuildCreate));
        var dispatch = client.Received.Single(e => e.Name == GatewayEventNames.GuildCreate);
        Assert.True(MemoryMarshal.TryGetArray(dispatch.Data, out var buffer));

        var held = dispatch.Retain();
        dispatch.Dispose();
        Assert.NotEmpty(held.Deserialize(DiscordJsonContext.Default.Guild).Name);
        held.Dispose();

        Assert.Throws<ObjectDisposedException>(() => dispatch.Data);
        Assert.Throws<ObjectDisposedException>(() => dispatch.Retain());
        Assert.Same(buffer.Array, ArrayPool<byte>.Shared.Rent(buffer.Count));
    }

    [Fact]
    public void A_dispatch_over_the_callers_data_stays_readable_when_disposed()
    {
        var dispatch = new GatewayDispatch(0, GatewayEventNames.Resumed, 1, "{}"u8.ToArray());

        dispatch.Dispose();

        Assert.Equal("{}"u8.ToArray(), dispatch.Data.ToArray());
    }
}
