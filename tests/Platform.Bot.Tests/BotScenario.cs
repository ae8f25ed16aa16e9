using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Contracts;
using Platform.Data;
using Platform.Discord.Interactions;
using Platform.Discord.Models;
using Platform.DiscordEmulator.Control;
using Platform.DiscordEmulator.Interactions;
using Platform.Testing;
using StackExchange.Redis;

namespace Platform.Bot.Tests;

/// <summary>One test's world: an emulated Discord with its own application id, a migrated database, and the bots it starts.</summary>
public sealed class BotScenario : IAsyncDisposable
{
    private readonly BotEnvironment environment;
    private readonly List<BotHost> bots = [];

    private readonly TestDataDirectory spool = TestDataDirectory.Create("spool");

    private BotScenario(BotEnvironment environment, TestEmulator emulator, TestLlmEmulator llm, string database, ulong applicationId) =>
        (this.environment, Emulator, Llm, Database, ApplicationId) = (environment, emulator, llm, database, applicationId);

    public TestEmulator Emulator { get; }

    public TestLlmEmulator Llm { get; }

    /// <summary>Where this scenario's bots spool LLM usage records Postgres cannot take.</summary>
    public string SpoolDirectory => spool.Path;

    public string Database { get; }

    public ulong ApplicationId { get; }

    public IDatabase Redis => environment.Redis.GetDatabase();

    /// <param name="emulatorSettings">Emulator settings as <c>Name=value</c>.</param>
    public static async Task<BotScenario> StartAsync(BotEnvironment environment, params string[] emulatorSettings)
    {
        var applicationId = (ulong)Random.Shared.NextInt64(1L << 60, long.MaxValue);
        var database = await environment.CreateDatabaseAsync();
        var emulator = await TestEmulator.StartAsync(
            [$"ApplicationId={applicationId}", "IdentifyIntervalSeconds=0.5", "HeartbeatIntervalMs=2000", .. emulatorSettings]);
        return new BotScenario(environment, emulator, await TestLlmEmulator.StartAsync(), database, applicationId);
    }

    /// <summary>Starts a bot process (in this one) and waits until its shards are ready.</summary>
    /// <param name="settings">Bot settings as <c>Key=value</c>, e.g. <c>Bot:TotalShards=4</c>.</param>
    public async Task<BotHost> StartBotAsync(Action<IServiceCollection>? services = null, params string[] settings)
    {
        var bot = await LaunchBotAsync(services, settings);
        await bot.WaitReadyAsync();

        // Ready is READY; the guilds' rows come from the GUILD_CREATEs just after it, and commands need them.
        var total = bot.Shards[0].Status.TotalShards;
        var expected = (await Emulator.GuildsAsync())
            .Where(g => bot.Shards.Any(s => s.ShardId == (int)((g.Id >> 22) % (ulong)total)))
            .Select(g => (long)g.Id)
            .ToList();
        await using var db = CreateDbContext();
        await Eventually.TrueAsync(async () => await db.Guilds.CountAsync(g => expected.Contains(g.Id)) == expected.Count, "the bot's guilds stored");
        return bot;
    }

    /// <summary>Starts a bot process without waiting for its shards, which may have to wait for their leases.</summary>
    public async Task<BotHost> LaunchBotAsync(Action<IServiceCollection>? services = null, params string[] settings)
    {
        var bot = await BotHost.StartAsync(Settings(settings), services);
        bots.Add(bot);
        return bot;
    }

    /// <summary>The configuration a bot of this scenario runs with, plus <paramref name="settings"/> as <c>Key=value</c>.</summary>
    public Dictionary<string, string?> Settings(params string[] settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:platformdb"] = Database,
            ["ConnectionStrings:redis"] = environment.RedisConnectionString,
            ["Discord:Token"] = TestEmulator.Token,
            ["Discord:RestBaseAddress"] = Emulator.RestBase.ToString(),
            ["Bot:IdentifyInterval"] = "00:00:00.5",
            ["Llm:Endpoint"] = Llm.Endpoint.ToString(),
            ["Llm:ApiKey"] = TestLlmEmulator.ApiKey,
            ["Llm:SpoolDirectory"] = SpoolDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var setting in settings.Select(s => s.Split('=', 2)))
        {
            configuration[setting[0]] = setting[1];
        }

        return configuration;
    }

    public async Task StopBotAsync(BotHost bot)
    {
        if (bots.Remove(bot))
        {
            await bot.DisposeAsync();
        }
    }

    public async Task<Guild> GuildAsync(int index = 0) => (await Emulator.GuildsAsync())[index];

    /// <summary>A member of the guild invokes a slash command; options as Discord sends them.</summary>
    public Task<InteractionTranscript> InvokeAsync(
        Guild guild,
        string name,
        object? options = null,
        ulong? userId = null,
        InteractionType type = InteractionType.ApplicationCommand) =>
        Emulator.PostAsync<InteractionTranscript>(
            "/control/interactions",
            new InvokeRequest(guild.Id, userId ?? guild.OwnerId, name)
            {
                Type = type,
                Options = options is null ? null : JsonSerializer.SerializeToElement(options, TestEmulator.Json),
            });

    public PlatformDbContext CreateDbContext() => new(PlatformDbOptions.ForConnectionString(Database));

    /// <summary>Turns a module on or off in a guild as the api does: the row, then the Redis message.</summary>
    public async Task SetModuleAsync(ulong guildId, string module, bool enabled, string settings = "{}")
    {
        await using var db = CreateDbContext();
        // The row needs its guild, which the bot stores from GUILD_CREATE just after READY.
        await Eventually.TrueAsync(() => db.Guilds.AnyAsync(g => g.Id == (long)guildId), $"guild {guildId} stored");
        var row = await db.GuildModules.FindAsync((long)guildId, module);
        if (row is null)
        {
            db.GuildModules.Add(
                new Data.Guilds.GuildModule
                {
                    GuildId = (long)guildId,
                    Module = module,
                    Enabled = enabled,
                    Settings = settings,
                    UpdatedAt = DateTimeOffset.UtcNow,
                });
        }
        else
        {
            (row.Enabled, row.Settings, row.UpdatedAt) = (enabled, settings, DateTimeOffset.UtcNow);
        }

        await db.SaveChangesAsync();
        await environment.Redis.GetSubscriber().PublishAsync(
            RedisChannel.Literal(BotRedisKeys.GuildModulesChannel(ApplicationId)), new GuildModulesChanged((long)guildId).Serialize());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in bots)
        {
            await bot.DisposeAsync();
        }

        await Emulator.DisposeAsync();
        await Llm.DisposeAsync();
        // Pools outlive the bots that filled them; idle, they would hold the server's connections for minutes.
        NpgsqlConnection.ClearAllPools();
        spool.Dispose();
    }
}
