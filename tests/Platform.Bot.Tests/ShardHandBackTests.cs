using System.Net.Http.Json;
using Platform.Bot.Shards;
using Platform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Bot.Tests;

/// <summary>
/// A process stopped for a deploy: the one left adopts its shards, and hands them back when it returns. Every move
/// resumes the session where the last process left it, so the shards never IDENTIFY again nor run twice.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class ShardHandBackTests(BotEnvironment environment)
{
    private static string[] Process(int index) =>
        ["Bot:TotalShards=4", "Bot:ProcessCount=2", $"Bot:ProcessIndex={index}", "Bot:ShardLeaseDuration=00:00:03"];

    [Fact]
    public async Task A_stopped_process_s_shards_are_adopted_then_handed_back_when_it_returns_each_time_by_resuming()
    {
        await using var scenario = await BotScenario.StartAsync(environment, "Shards=4", "Guilds=40");
        var bots = await Task.WhenAll(scenario.StartBotAsync(settings: Process(0)), scenario.StartBotAsync(settings: Process(1)));

        var first = bots[0].Services.GetRequiredService<ShardLeases>().Owner;

        await scenario.StopBotAsync(bots[1]);
        await Eventually.TrueAsync(
            async () => (await scenario.ReadAsync()).Values.All(s => s.Owner == first && s.State == "ready"), "every shard ready in process 0");
        var adopted = await scenario.ReadAsync();
        var returned = await scenario.StartBotAsync(settings: Process(1));
        await Eventually.TrueAsync(
            () => Task.FromResult(bots[0].ReadyShardIds() == "0,2" && returned.ReadyShardIds() == "1,3"), "shards 1 and 3 handed back");

        var sessions = await scenario.Emulator.SessionsAsync();
        var most = await scenario.Emulator.Control.GetFromJsonAsync<Dictionary<int, int>>("/control/shards/most-concurrent", TestEmulator.Json);
        Assert.Equal([0, 1, 2, 3], (await scenario.Emulator.IdentifiesAsync()).Select(i => i.ShardId).Order());
        Assert.Equal([0, 2, 0, 2], sessions.OrderBy(s => s.ShardId).Select(s => s.Resumes));
        Assert.All(sessions, s => Assert.True(s.Connected, $"shard {s.ShardId}'s session is not connected"));
        Assert.Equal([1, 1, 1, 1], most!.OrderBy(shard => shard.Key).Select(shard => shard.Value));
        Assert.Equal(40, adopted.Values.Sum(s => s.GuildCount));
        Assert.Equal(40, (await scenario.ReadAsync()).Values.Sum(s => s.GuildCount));
    }
}
