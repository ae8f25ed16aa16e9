using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Bot.Shards;
using Platform.Discord.Gateway;
using Platform.DiscordEmulator.Control;
using Platform.DiscordEmulator.Gateway;
using StackExchange.Redis;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class ShardTests(BotEnvironment environment)
{
    private static readonly TimeSpan IdentifyInterval = TimeSpan.FromSeconds(0.5);

    [Fact]
    public async Task Two_processes_split_four_shards_with_no_overlap_and_paced_identifies()
    {
        await using var scenario = await BotScenario.StartAsync(environment, "Shards=4");

        var bots = await Task.WhenAll(
            scenario.StartBotAsync(settings: ["Bot:TotalShards=4", "Bot:ShardIds:0=0", "Bot:ShardIds:1=1"]),
            scenario.StartBotAsync(settings: ["Bot:TotalShards=4", "Bot:ShardIds:0=2", "Bot:ShardIds:1=3"]));
        var identifies = await scenario.Emulator.IdentifiesAsync();
        var status = await scenario.ReadAsync();

        Assert.Equal([0, 1], bots[0].Shards.Select(s => s.ShardId));
        Assert.Equal([2, 3], bots[1].Shards.Select(s => s.ShardId));
        Assert.Equal([0, 1, 2, 3], identifies.Select(i => i.ShardId).Order());
        Assert.All(identifies, i => Assert.True(i.Accepted, $"shard {i.ShardId} was refused"));
        var times = identifies.Select(i => i.At).Order().ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= IdentifyInterval,
            $"two IDENTIFYs {(pair.Second - pair.First).TotalMilliseconds:0} ms apart"));
        Assert.Equal(["ready", "ready", "ready", "ready"], status.Values.Select(s => s.State));
        var owners = (bots[0].Services.GetRequiredService<ShardLeases>().Owner, bots[1].Services.GetRequiredService<ShardLeases>().Owner);
        Assert.Equal([owners.Item1, owners.Item1, owners.Item2, owners.Item2], status.OrderBy(s => s.Key).Select(s => s.Value.Owner));
    }

    [Fact]
    public async Task Processes_started_alike_take_every_other_shard_by_their_index()
    {
        await using var scenario = await BotScenario.StartAsync(environment, "Shards=4");

        var bots = await Task.WhenAll(
            scenario.StartBotAsync(settings: ["Bot:TotalShards=4", "Bot:ProcessCount=2", "Bot:ProcessIndex=0"]),
            scenario.StartBotAsync(settings: ["Bot:TotalShards=4", "Bot:ProcessCount=2", "Bot:ProcessIndex=1"]));

        Assert.Equal([0, 2], bots[0].Shards.Select(s => s.ShardId));
        Assert.Equal([1, 3], bots[1].Shards.Select(s => s.ShardId));
        Assert.Equal(["ready", "ready", "ready", "ready"], (await scenario.ReadAsync()).Values.Select(s => s.State));
    }

    [Fact]
    public async Task A_process_asking_for_a_shard_that_runs_elsewhere_stands_by_and_resumes_it_once_released()
    {
        await using var scenario = await BotScenario.StartAsync(environment, "Shards=2");
        string[] shardOne = ["Bot:TotalShards=2", "Bot:ShardIds:0=1"];
        var first = await scenario.StartBotAsync(settings: shardOne);

        var second = await scenario.LaunchBotAsync(settings: shardOne);
        await second.Supervisor.WhenStarted.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var shardsWhileHeld = second.Shards.Count;
        var identifiesWhileHeld = (await scenario.Emulator.IdentifiesAsync()).Count;
        await scenario.StopBotAsync(first);
        await Eventually.TrueAsync(
            () => Task.FromResult(second.Shards is [{ ShardId: 1, Status.State: ShardState.Ready }]), "shard 1 ready in the second process");

        Assert.Equal(0, shardsWhileHeld);
        Assert.Equal(1, identifiesWhileHeld);
        Assert.Single(await scenario.Emulator.IdentifiesAsync());
        var session = Assert.Single(await scenario.Emulator.SessionsAsync());
        Assert.True(session.Connected);
        Assert.Equal(1, session.Resumes);
        Assert.Equal(0, second.Shards[0].Status.Identifies);
    }

    [Fact]
    public async Task A_forced_disconnect_shows_as_resuming_then_ready()
    {
        // Heartbeats far apart, so that the injected latency delays RESUMED without making the shard look dead.
        await using var scenario = await BotScenario.StartAsync(environment, "HeartbeatIntervalMs=10000");
        await scenario.StartBotAsync();

        await scenario.Emulator.FaultAsync(FaultKinds.Latency, shardId: 0, ms: 1500);
        await scenario.Emulator.FaultAsync(FaultKinds.Close, shardId: 0, code: 4000);
        await Eventually.TrueAsync(async () => (await scenario.ReadAsync())[0].State == "resuming", "status resuming");
        await scenario.Emulator.FaultAsync(FaultKinds.Latency, shardId: 0, ms: 0);
        await Eventually.TrueAsync(async () => (await scenario.ReadAsync())[0].State == "ready", "status ready again");

        var final = (await scenario.ReadAsync())[0];
        Assert.Equal(1, final.Resumes);
        Assert.Equal(1, final.Reconnects);
    }

    [Fact]
    public async Task The_published_guild_count_follows_guilds_joined_and_left_and_counts_outages_apart()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var seeded = (await scenario.Emulator.GuildsAsync()).Count;
        await Eventually.TrueAsync(async () => (await scenario.ReadAsync())[0].GuildCount == seeded, "the seeded guilds counted");

        var joined = await scenario.Emulator.PostAsync<Platform.Discord.Models.Guild>("/control/guilds", new SeedGuildRequest("Joined later"));
        await scenario.Emulator.PostAsync($"/control/guilds/{joined.Id}/outage", new OutageRequest(true));
        await Eventually.TrueAsync(
            async () =>
                (await scenario.ReadAsync())[0] is { GuildCount: var all, UnavailableGuildCount: 1 }
                && all == seeded + 1,
            "the joined guild counted, unavailable");
        await scenario.Emulator.DeleteAsync($"/control/guilds/{joined.Id}");

        await Eventually.TrueAsync(
            async () =>
                (await scenario.ReadAsync())[0] is { GuildCount: var all, UnavailableGuildCount: 0 } && all == seeded,
            "the departed guild gone from the count");
    }

    [Fact]
    public async Task A_process_cut_off_from_Redis_stops_its_shard_before_another_can_take_it_so_it_never_runs_twice()
    {
        await using var scenario = await BotScenario.StartAsync(environment, "Shards=1");
        var redis = ConfigurationOptions.Parse(environment.RedisConnectionString);
        var (host, port) = redis.EndPoints[0] switch
        {
            DnsEndPoint dns => (dns.Host, dns.Port),
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            var other => throw new InvalidOperationException($"Unexpected endpoint {other}"),
        };
        await using var proxy = new TcpProxy(host, port);
        redis.EndPoints.Clear();
        redis.EndPoints.Add(IPAddress.Loopback, proxy.Port);
        string[] shard = ["Bot:TotalShards=1", "Bot:ShardLeaseDuration=00:00:03"];
        var cutOff = await scenario.StartBotAsync(settings: [.. shard, $"ConnectionStrings:redis={redis}"]);
        var successor = await scenario.LaunchBotAsync(settings: shard);

        await proxy.CutAsync();
        await successor.WaitReadyAsync(TimeSpan.FromSeconds(20));

        var most = await scenario.Emulator.Control.GetFromJsonAsync<Dictionary<int, int>>("/control/shards/most-concurrent", TestEmulator.Json);
        Assert.True(most![0] == 1, $"Shard 0 ran in {most[0]} sessions at once.");
        Assert.True(
            cutOff.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested,
            "The cut-off process is still running.");
    }
}
