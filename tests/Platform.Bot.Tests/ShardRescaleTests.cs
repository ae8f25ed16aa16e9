using System.Net.Http.Json;
using Platform.Testing;

namespace Platform.Bot.Tests;

/// <summary>
/// The operator's move from 2 processes to 4, as <c>docs/architecture.md</c> tells it for 4 to 8: the new processes
/// start with the new count and stand by, then the old ones are restarted with it one at a time. Every shard ends in
/// its new home, and every move on the way resumes the session: no shard IDENTIFYs twice or runs twice.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class ShardRescaleTests(BotEnvironment environment)
{
    private const int Shards = 8;
    private const int Guilds = 80;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    private static string[] Process(int index, int count) =>
        [$"Bot:TotalShards={Shards}", $"Bot:ProcessCount={count}", $"Bot:ProcessIndex={index}", $"Bot:ShardLeaseDuration={Lease}"];

    [Fact]
    public async Task Going_from_2_processes_to_4_moves_every_shard_to_its_new_home_by_resuming()
    {
        await using var scenario = await BotScenario.StartAsync(environment, $"Shards={Shards}", "MaxConcurrency=2", $"Guilds={Guilds}");
        var first = await Task.WhenAll(scenario.StartBotAsync(settings: Process(0, 2)), scenario.StartBotAsync(settings: Process(1, 2)));

        var added = await Task.WhenAll(scenario.LaunchBotAsync(settings: Process(2, 4)), scenario.LaunchBotAsync(settings: Process(3, 4)));
        // Long enough for an adoption, which waits one lease after start; a standby must still run nothing.
        await Task.Delay(Lease * 2);
        Assert.All(added, bot => Assert.Empty(bot.Shards));
        Assert.Equal("0,2,4,6", first[0].ReadyShardIds());

        await scenario.StopBotAsync(first[0]);
        var restarted0 = await scenario.StartBotAsync(settings: Process(0, 4));
        await Eventually.TrueAsync(
            () => Task.FromResult(restarted0.ReadyShardIds() == "0,4" && added[0].ReadyShardIds() == "2,6" && first[1].ReadyShardIds() == "1,3,5,7"),
            "process 0 back with half its shards, process 2 running the other half");

        await scenario.StopBotAsync(first[1]);
        var restarted1 = await scenario.StartBotAsync(settings: Process(1, 4));
        await Eventually.TrueAsync(
            () => Task.FromResult(restarted0.ReadyShardIds() == "0,4" && restarted1.ReadyShardIds() == "1,5"
                && added[0].ReadyShardIds() == "2,6" && added[1].ReadyShardIds() == "3,7"),
            "every shard in its home of 4");

        var sessions = await scenario.Emulator.SessionsAsync();
        var most = await scenario.Emulator.Control.GetFromJsonAsync<Dictionary<int, int>>("/control/shards/most-concurrent", TestEmulator.Json);
        Assert.Equal(Enumerable.Range(0, Shards), (await scenario.Emulator.IdentifiesAsync()).Select(i => i.ShardId).Order());
        Assert.All(sessions, s => Assert.True(s.Connected && s.Resumes > 0, $"shard {s.ShardId}: connected {s.Connected}, resumes {s.Resumes}"));
        Assert.Equal(Enumerable.Repeat(1, Shards), most!.OrderBy(shard => shard.Key).Select(shard => shard.Value));
        Assert.Equal(Guilds, (await scenario.ReadAsync()).Values.Sum(s => s.GuildCount));
    }
}
