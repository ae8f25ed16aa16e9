using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.DiscordEmulator.Control;

namespace Platform.Bot.Tests;

/// <summary>
/// A fleet at the scale CI holds: 2,000 guilds of a long-tail world on 8 shards, run by 3 processes started alike
/// (as Compose replicas are), pacing their IDENTIFYs across processes through Redis. The benchmark runs the same at
/// 100,000 guilds on 64 shards (<c>tests/Platform.Benchmarks/run-fleet.sh</c>).
/// </summary>
[Collection(BotCollection.Name)]
public sealed class FleetTests(BotEnvironment environment)
{
    private const int Guilds = 2_000;
    private const int Shards = 8;
    private const int Processes = 3;
    private static readonly TimeSpan IdentifyInterval = TimeSpan.FromSeconds(0.5);

    [Fact]
    public async Task Three_processes_start_eight_shards_once_each_with_paced_identifies_register_commands_once_and_store_every_guild()
    {
        await using var scenario = await BotScenario.StartAsync(
            environment, $"Shards={Shards}", "MaxConcurrency=2", $"Guilds={Guilds}", "GuildSizes=LongTail");

        // Each waits for its shards to be ready and its guilds' rows to be stored.
        var bots = await Task.WhenAll(Enumerable.Range(0, Processes).Select(index => scenario.StartBotAsync(
            settings: [$"Bot:TotalShards={Shards}", $"Bot:ProcessCount={Processes}", $"Bot:ProcessIndex={index}"])));
        var seeded = await scenario.Emulator.GuildsAsync();
        var identifies = await scenario.Emulator.IdentifiesAsync();
        var most = await scenario.Emulator.Control.GetFromJsonAsync<Dictionary<int, int>>("/control/shards/most-concurrent", TestEmulator.Json);
        var commands = await scenario.Emulator.Control.GetFromJsonAsync<CommandsView>("/control/commands", TestEmulator.Json);
        await Eventually.TrueAsync(
            async () => (await scenario.ReadAsync()).Values.Sum(shard => shard.GuildCount) == Guilds,
            "the shards' guild counts add up to every guild");
        await using var db = scenario.CreateDbContext();

        Assert.Equal(Enumerable.Range(0, Shards), bots.SelectMany(bot => bot.Shards.Select(shard => shard.ShardId)).Order());
        Assert.Equal(Enumerable.Range(0, Shards), identifies.Select(i => i.ShardId).Order());
        Assert.All(identifies, i => Assert.True(i.Accepted, $"shard {i.ShardId}'s IDENTIFY was refused"));
        var gaps = identifies.GroupBy(i => i.Bucket).Select(bucket => bucket.Select(i => i.At).Order().ToList())
            .SelectMany(times => times.Zip(times.Skip(1), (earlier, later) => later - earlier));
        Assert.All(gaps, gap => Assert.True(gap >= IdentifyInterval, $"two IDENTIFYs of a bucket {gap.TotalMilliseconds:0} ms apart"));
        Assert.Equal(Enumerable.Repeat(1, Shards), most!.OrderBy(shard => shard.Key).Select(shard => shard.Value));
        Assert.Equal(Guilds, await db.Guilds.CountAsync(g => g.LeftAt == null));
        // Global commands, registered once however many processes started together: never per guild, never per process.
        Assert.Equal(new Dictionary<ulong, int> { [0] = 1 }, commands!.Overwrites);
        Assert.Equal(seeded.Sum(g => (long)g.MemberCount!), await db.Guilds.SumAsync(g => (long)g.MemberCount));
    }
}
