using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Data;
using Platform.Discord.Gateway;

namespace Platform.Bot.Tests;

/// <summary>Postgres restarted while a fleet's GUILD_CREATEs pour in: the rows wait and catch up, and the shards never notice.</summary>
[Collection(AloneCollection.Name)]
public sealed class StartStormOutageTests(BotEnvironment environment)
{
    private const int Guilds = 2_000;
    private const int Shards = 8;

    [Fact]
    public async Task Postgres_restarted_during_the_start_storm_delays_the_guild_rows_and_no_shard_dies()
    {
        await using var scenario = await BotScenario.StartAsync(
            environment, $"Shards={Shards}", "MaxConcurrency=2", $"Guilds={Guilds}", "GuildSizes=LongTail");
        var bots = await Task.WhenAll(Enumerable.Range(0, 3).Select(index => scenario.LaunchBotAsync(
            settings: [$"Bot:TotalShards={Shards}", "Bot:ProcessCount=3", $"Bot:ProcessIndex={index}"])));
        var shards = () => bots.SelectMany(bot => bot.Shards).ToList();
        // The shards are connecting: their GUILD_CREATEs arrive while the server is down.
        await Task.WhenAll(bots.Select(bot => bot.Supervisor.WhenStarted));

        await environment.StopPostgresAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await environment.StartPostgresAsync();

        // A pool of the test's own: the pooled connections broke with the server.
        await using var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(
            new NpgsqlConnectionStringBuilder(scenario.Database) { ApplicationName = "test-reader" }.ConnectionString));
        await Eventually.TrueAsync(
            async () => await db.Guilds.CountAsync(g => g.LeftAt == null) == Guilds, "every guild's row", TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(
            () => Task.FromResult(shards() is { Count: Shards } all && all.All(s => s.Status.State == ShardState.Ready)), "every shard ready");

        var identifies = await scenario.Emulator.IdentifiesAsync();
        var most = await scenario.Emulator.Control.GetFromJsonAsync<Dictionary<int, int>>("/control/shards/most-concurrent", TestEmulator.Json);
        Assert.All(shards(), shard => Assert.Equal(0, shard.Status.Reconnects));
        Assert.Equal(Enumerable.Range(0, Shards), identifies.Select(i => i.ShardId).Order());
        Assert.All(identifies, i => Assert.True(i.Accepted, $"shard {i.ShardId}'s IDENTIFY was refused"));
        Assert.Equal(Enumerable.Repeat(1, Shards), most!.OrderBy(shard => shard.Key).Select(shard => shard.Value));
        Assert.Equal(Guilds, shards().Sum(shard => shard.Status.GuildCount));
    }
}
