using Platform.Testing;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class KilledProcessTests(BotEnvironment environment)
{
    [Fact]
    public async Task The_shards_of_a_killed_process_show_as_stale_and_another_process_takes_them_over()
    {
        await using var scenario = await BotScenario.StartAsync(environment, "Shards=2");
        await scenario.StartBotAsync(settings: ["Bot:TotalShards=2", "Bot:ShardIds:0=0"]);
        using var doomed = BotProcess.Start(
            scenario.Settings("Bot:TotalShards=2", "Bot:ShardIds:0=1", "Bot:ShardLeaseDuration=00:00:03"));
        await Eventually.TrueAsync(
            async () => (await scenario.ReadAsync()).TryGetValue(1, out var shard) && shard.State == "ready",
            "shard 1 ready in its own process");

        doomed.Kill();
        await Eventually.TrueAsync(
            async () => (await scenario.ReadAsync())[1].IsStale(DateTimeOffset.UtcNow),
            "shard 1 stale",
            TimeSpan.FromSeconds(20));
        var afterKill = await scenario.ReadAsync();
        var replacement = await scenario.StartBotAsync(settings: ["Bot:TotalShards=2", "Bot:ShardIds:0=1"]);
        await Eventually.TrueAsync(
            async () =>
                (await scenario.ReadAsync())[1] is { State: "ready" } shard && !shard.IsStale(DateTimeOffset.UtcNow),
            "shard 1 taken over");

        Assert.Equal("ready", afterKill[1].State);
        Assert.False(afterKill[0].IsStale(DateTimeOffset.UtcNow));
        Assert.NotEqual(afterKill[1].Owner, (await scenario.ReadAsync())[1].Owner);
        Assert.Equal([1], replacement.Shards.Select(s => s.ShardId));
    }
}
