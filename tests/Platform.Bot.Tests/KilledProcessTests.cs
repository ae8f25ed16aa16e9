using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.Bot.Tests;

/// <summary>
/// A process of a fleet killed (SIGKILL: no shutdown code runs): its shards show stale, and the processes left take
/// them over once their leases expire, resuming the sessions where they were (no new IDENTIFY, no second session).
/// The lease is longer than <see cref="ShardStatusDocument.StaleAfter"/>, as the default is, so that stale shows first.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class KilledProcessTests(BotEnvironment environment)
{
    private const int Guilds = 2_000;
    private const int Shards = 8;
    private const int Processes = 3;

    [Fact]
    public async Task The_shards_of_a_killed_process_show_stale_and_the_others_resume_them()
    {
        await using var scenario = await BotScenario.StartAsync(
            environment, $"Shards={Shards}", "MaxConcurrency=2", $"Guilds={Guilds}", "GuildSizes=LongTail");
        var processes = Enumerable.Range(0, Processes).Select(index => BotProcess.Start(scenario.Settings(
            $"Bot:TotalShards={Shards}", $"Bot:ProcessCount={Processes}", $"Bot:ProcessIndex={index}", "Bot:ShardLeaseDuration=00:00:12"))).ToList();
        try
        {
            await Eventually.TrueAsync(
                async () => Served(await scenario.ReadAsync(), Processes), "every shard ready in 3 processes", TimeSpan.FromSeconds(60));
            await Eventually.TrueAsync(
                async () => await Task.WhenAll(Enumerable.Range(0, Shards).Select(id =>
                    scenario.Redis.KeyExistsAsync(BotRedisKeys.ShardHandover(scenario.ApplicationId, id)))) is var kept && kept.All(k => k),
                "every shard's session kept in Redis");

            processes[1].Kill();
            await Eventually.TrueAsync(
                async () => (await scenario.ReadAsync()).Values.Count(s => s.IsStale(DateTimeOffset.UtcNow)) == 3,
                "the killed process's 3 shards stale", TimeSpan.FromSeconds(20));
            await Eventually.TrueAsync(
                async () => Served(await scenario.ReadAsync(), Processes - 1), "every shard ready in the 2 left", TimeSpan.FromSeconds(30));

            var identifies = await scenario.Emulator.IdentifiesAsync();
            var sessions = await scenario.Emulator.SessionsAsync();
            var most = await scenario.Emulator.Control.GetFromJsonAsync<Dictionary<int, int>>("/control/shards/most-concurrent", TestEmulator.Json);
            Assert.Equal(Enumerable.Range(0, Shards), identifies.Select(i => i.ShardId).Order());
            Assert.Equal([1, 4, 7], sessions.Where(s => s.Resumes > 0).Select(s => s.ShardId).Order());
            Assert.All(sessions, s => Assert.True(s.Connected, $"shard {s.ShardId}'s session is not connected"));
            Assert.Equal(Enumerable.Repeat(1, Shards), most!.OrderBy(shard => shard.Key).Select(shard => shard.Value));
            await using var db = scenario.CreateDbContext();
            Assert.Equal(Guilds, await db.Guilds.CountAsync(g => g.LeftAt == null));
        }
        finally
        {
            processes.ForEach(process => process.Dispose());
        }
    }

    /// <summary>Every shard ready and fresh, in as many processes, with guild counts that add up to every guild.</summary>
    private static bool Served(IReadOnlyDictionary<int, ShardStatusDocument> status, int processes) =>
        status.Count == Shards
        && status.Values.All(s => s.State == "ready" && !s.IsStale(DateTimeOffset.UtcNow))
        && status.Values.Select(s => s.Owner).Distinct().Count() == processes
        && status.Values.Sum(s => s.GuildCount) == Guilds;
}
