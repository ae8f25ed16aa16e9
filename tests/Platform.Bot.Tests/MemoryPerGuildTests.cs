using Microsoft.EntityFrameworkCore;
using Platform.DiscordEmulator.Control;
using Platform.Testing;

namespace Platform.Bot.Tests;

/// <summary>
/// What a guild costs a running fleet in memory, measured as the heap this process keeps (the bots and the emulator
/// share it, so the emulator's own cost per guild is measured first and taken off).
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class MemoryPerGuildTests(BotEnvironment environment)
{
    private const int Added = 1_000;

    /// <summary>
    /// The fleet benchmark's growth, 3.19-3.83 MiB of RSS per 1,000 guilds (the runtime's and the allocator's share
    /// included), with half as much again as margin: a bot that kept GUILD_CREATE payloads or full guild objects
    /// would pass it.
    /// </summary>
    private const double MaxBytesPerGuild = 3.83 * 1024 * 1024 / 1_000 * 1.5;

    [Fact]
    public async Task A_guild_costs_the_fleet_less_than_the_benchmark_s_figure()
    {
        await using var scenario = await BotScenario.StartAsync(environment, "Shards=8", "MaxConcurrency=2", "Guilds=2000", "GuildSizes=LongTail");
        var worldBefore = Heap();
        await AddGuildsAsync(scenario, "unseen");
        var emulatorPerGuild = (Heap() - worldBefore) / (double)Added;

        var bots = await Task.WhenAll(Enumerable.Range(0, 3).Select(index => scenario.StartBotAsync(
            settings: ["Bot:TotalShards=8", "Bot:ProcessCount=3", $"Bot:ProcessIndex={index}"])));
        await WaitServedAsync(scenario, bots, 2_000 + Added);
        var fleetBefore = Heap();
        await AddGuildsAsync(scenario, "joined");
        await WaitServedAsync(scenario, bots, 2_000 + (2 * Added));
        var perGuild = ((Heap() - fleetBefore) / (double)Added) - emulatorPerGuild;

        Assert.True(perGuild < MaxBytesPerGuild, $"A guild cost the bots {perGuild:0} bytes (at most {MaxBytesPerGuild:0}).");
    }

    private static async Task AddGuildsAsync(BotScenario scenario, string name)
    {
        for (var i = 0; i < Added; i++)
        {
            await scenario.Emulator.PostAsync("/control/guilds", new SeedGuildRequest($"{name} {i}"));
        }
    }

    private static async Task WaitServedAsync(BotScenario scenario, IReadOnlyList<BotHost> bots, int guilds)
    {
        await Eventually.TrueAsync(
            () => Task.FromResult(bots.SelectMany(bot => bot.Shards).Sum(shard => shard.Status.GuildCount) == guilds), $"{guilds} guilds counted");
        await using var db = scenario.CreateDbContext();
        await Eventually.TrueAsync(async () => await db.Guilds.CountAsync() == guilds, $"{guilds} guild rows");
    }

    /// <summary>The heap that stays, with everything the last work left behind collected.</summary>
    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
