using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.DiscordEmulator.Control;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class GuildDirectoryTests(BotEnvironment environment)
{
    [Fact]
    public async Task Every_guild_of_every_shard_is_in_the_guilds_table_with_its_details()
    {
        await using var scenario = await BotScenario.StartAsync(environment, "Shards=2");
        await scenario.StartBotAsync();
        var seeded = await scenario.Emulator.GuildsAsync();

        await using var db = scenario.CreateDbContext();
        await Eventually.TrueAsync(async () => await db.Guilds.CountAsync() == seeded.Count, "every guild stored");
        var stored = await db.Guilds.AsNoTracking().OrderBy(g => g.Id).ToListAsync();

        Assert.Equal(seeded.OrderBy(g => g.Id).Select(g => ((long)g.Id, g.Name, (long)g.OwnerId, g.Members!.Count, (int)((g.Id >> 22) % 2))),
            stored.Select(g => (g.Id, g.Name, g.OwnerId, g.MemberCount, g.ShardId)));
        Assert.All(stored, g => Assert.Null(g.LeftAt));
    }

    [Fact]
    public async Task A_start_storm_of_two_thousand_guilds_is_written_a_thousand_rows_a_round_trip_at_most()
    {
        await using var scenario = await BotScenario.StartAsync(environment, "Shards=2", "Guilds=2000", "MembersPerGuild=2");
        var statements = new ConcurrentBag<Activity>();
        using var listener = ListenToGuildInserts(scenario, statements);

        await scenario.StartBotAsync();

        await using var db = scenario.CreateDbContext();
        Assert.Equal(2000, await db.Guilds.CountAsync());
        Assert.InRange(statements.Count, 2, 2000 / 20);
    }

    [Fact]
    public async Task Joining_renaming_and_leaving_keep_the_row_current_and_an_outage_is_not_a_departure()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var outage = await scenario.GuildAsync(0);
        await using var db = scenario.CreateDbContext();

        var joined = await scenario.Emulator.PostAsync<Discord.Models.Guild>(
            "/control/guilds",
            new SeedGuildRequest("Newcomers", Members: 4));
        await Eventually.TrueAsync(
            async () => await db.Guilds.AnyAsync(g => g.Id == (long)joined.Id),
            "the joined guild stored");
        await DispatchAsync(
            scenario,
            "GUILD_UPDATE",
            new
            {
                id = joined.Id.ToString(),
                name = "Renamed",
                owner_id = joined.OwnerId.ToString(),
            },
            joined.Id);
        await Eventually.TrueAsync(
            async () => await db.Guilds.AnyAsync(g => g.Id == (long)joined.Id && g.Name == "Renamed"),
            "the rename stored");
        await DispatchAsync(scenario, "GUILD_DELETE", new { id = outage.Id.ToString(), unavailable = true }, outage.Id);
        await DispatchAsync(scenario, "GUILD_DELETE", new { id = joined.Id.ToString() }, joined.Id);
        await Eventually.TrueAsync(async () => await db.Guilds.AnyAsync(g => g.Id == (long)joined.Id && g.LeftAt != null), "the departure stored");

        var renamed = await db.Guilds.AsNoTracking().SingleAsync(g => g.Id == (long)joined.Id);
        Assert.Equal(4, renamed.MemberCount);
        Assert.Null((await db.Guilds.AsNoTracking().SingleAsync(g => g.Id == (long)outage.Id)).LeftAt);
    }

    [Fact]
    public async Task A_rename_that_comes_before_the_join_is_written_keeps_the_member_count_of_the_join()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        await using var db = scenario.CreateDbContext();

        // Both arrive within the directory's gathering time, so one write carries them, the update winning.
        var joined = await scenario.Emulator.PostAsync<Discord.Models.Guild>("/control/guilds", new SeedGuildRequest("Joined", Members: 4));
        var rename = new { id = joined.Id.ToString(), name = "Renamed", owner_id = joined.OwnerId.ToString() };
        await DispatchAsync(scenario, "GUILD_UPDATE", rename, joined.Id);
        await Eventually.TrueAsync(
            async () => await db.Guilds.AnyAsync(g => g.Id == (long)joined.Id && g.Name == "Renamed"),
            "the rename stored");

        Assert.Equal(4, (await db.Guilds.AsNoTracking().SingleAsync(g => g.Id == (long)joined.Id)).MemberCount);
    }

    [Fact]
    public async Task A_guild_joined_while_its_table_cannot_be_written_is_stored_once_it_can()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        await using var db = scenario.CreateDbContext();

        await db.Database.ExecuteSqlRawAsync("ALTER TABLE guilds RENAME TO guilds_away");
        var joined = await scenario.Emulator.PostAsync<Discord.Models.Guild>("/control/guilds", new SeedGuildRequest("Joined during an outage"));
        var ping = await scenario.InvokeAsync(await scenario.GuildAsync(), "ping");
        await Task.Delay(TimeSpan.FromSeconds(1));
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE guilds_away RENAME TO guilds");
        await Eventually.TrueAsync(async () => await db.Guilds.AnyAsync(g => g.Id == (long)joined.Id), "the guild stored after the outage",
            Platform.Bot.Guilds.GuildDirectory.RetryInterval * 3);

        Assert.StartsWith("Pong!", ping.Text());
        Assert.Equal("Joined during an outage", (await db.Guilds.AsNoTracking().SingleAsync(g => g.Id == (long)joined.Id)).Name);
    }

    [Fact]
    public async Task A_failed_write_waits_its_retry_interval_however_many_guild_events_come_meanwhile()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        await using var db = scenario.CreateDbContext();
        var inserts = new ConcurrentBag<Activity>();
        using var listener = ListenToGuildInserts(scenario, inserts);

        await db.Database.ExecuteSqlRawAsync("ALTER TABLE guilds RENAME TO guilds_away");
        for (var join = 0; join < 6; join++)
        {
            await scenario.Emulator.PostAsync<Discord.Models.Guild>("/control/guilds", new SeedGuildRequest($"Joined {join}"));
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        // Six joins over 1.5 s: one failed write, two if this machine was slow past the retry interval; without the wait
        // every join sent the writer to the database again.
        var failed = inserts.Count;
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE guilds_away RENAME TO guilds");
        Assert.InRange(failed, 1, 2);
        await Eventually.TrueAsync(async () => await db.Guilds.CountAsync(g => g.Name.StartsWith("Joined ")) == 6, "the six guilds stored");
    }

    /// <summary>Collects the bot's statements that write the scenario's guilds table, failed ones too.</summary>
    private static ActivityListener ListenToGuildInserts(BotScenario scenario, ConcurrentBag<Activity> inserts)
    {
        var database = new NpgsqlConnectionStringBuilder(scenario.Database).Database;
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("db.namespace") as string == database && activity.GetTagItem("db.query.text") is string text
                    && text.Contains("INSERT INTO guilds", StringComparison.Ordinal))
                {
                    inserts.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static Task DispatchAsync(BotScenario scenario, string type, object data, ulong guildId) =>
        scenario.Emulator.PostAsync("/control/dispatch", new DispatchRequest(type, JsonSerializer.SerializeToElement(data), GuildId: guildId));
}
