using Platform.Discord.Gateway;

namespace Platform.Discord.Tests;

public sealed class ShardingTests
{
    // NOTES §C.3: identify concurrency honoured with many shards.
    [Fact]
    public async Task Sixteen_shards_at_max_concurrency_four_identify_bucket_by_bucket_without_an_invalid_session()
    {
        await using var emulator = await TestEmulator.StartAsync("Shards=16", "MaxConcurrency=4", "IdentifyIntervalSeconds=0.4", "Guilds=32");
        // The client keeps a wider interval than the emulator enforces: on a busy machine an IDENTIFY
        // can reach the emulator later than the permission to send it was given.
        await using var client = await GatewayTestClient.StartAsync(emulator, identifyInterval: TimeSpan.FromSeconds(0.8));

        await Eventually.TrueAsync(() => Task.FromResult(client.Client.Shards.All(s => s.Status.State == ShardState.Ready)), "all 16 shards ready");

        var identifies = await emulator.IdentifiesAsync();
        Assert.All(identifies, identify => Assert.True(identify.Accepted, $"shard {identify.ShardId} was refused"));
        Assert.Equal(16, identifies.Count);
        var waves = identifies.OrderBy(i => i.At).Chunk(4).Select(wave => wave.Select(i => i.ShardId).Order().ToArray()).ToList();
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]], waves);
        Assert.Equal(32, client.Client.Shards.Sum(s => s.Status.GuildCount));
    }

    [Fact]
    public async Task A_process_runs_only_its_own_shards()
    {
        await using var emulator = await TestEmulator.StartAsync("Shards=4", "MaxConcurrency=4");
        await using var client = await GatewayTestClient.StartAsync(emulator, options => options with { ShardIds = [1, 3] });

        await Eventually.TrueAsync(async () => (await emulator.SessionsAsync()).Count == 2, "two sessions");

        Assert.Equal([1, 3], (await emulator.SessionsAsync()).Select(s => s.ShardId).Order());
        Assert.All(await emulator.SessionsAsync(), s => Assert.Equal(4, s.TotalShards));
    }

    // NOTES §C.4: restart loops must not burn the daily session budget.
    [Fact]
    public async Task Too_few_session_starts_left_refuses_to_start_and_identifies_nothing()
    {
        await using var emulator = await TestEmulator.StartAsync("Shards=4", "SessionStartRemaining=2");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayTestClient.StartAsync(emulator));

        Assert.Contains("allows 2 more session starts", error.Message);
        Assert.Empty(await emulator.IdentifiesAsync());
    }
}
