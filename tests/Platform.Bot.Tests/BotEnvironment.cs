using Aspire.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Data;
using Platform.Data.Llm;
using Platform.Testing;
using StackExchange.Redis;

namespace Platform.Bot.Tests;

/// <summary>
/// Real Postgres and Redis, run by the AppHost in local mode, shared by the bot tests. Each test gets
/// a migrated database of its own, and a bot application id of its own, under which the bot keeps
/// its Redis names, so that tests never see each other's data.
/// </summary>
public sealed class BotEnvironment : IAsyncLifetime
{
    private readonly TestDataDirectory dataDirectory = TestDataDirectory.Create("bot");
    private DistributedApplication? app;
    private string serverConnectionString = "";

    public string RedisConnectionString { get; private set; } = "";

    public IConnectionMultiplexer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        app = await TestAppHost.StartAsync(dataDirectory.Path, $"pg-{Guid.NewGuid():N}", $"redis-{Guid.NewGuid():N}", timeout.Token,
            "postgres", "postgres-password", "redis", "redis-password");
        await app.ResourceNotifications.WaitForResourceHealthyAsync("postgres", timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("redis", timeout.Token);
        serverConnectionString = await app.ConnectionStringAsync("postgres");
        RedisConnectionString = await app.ConnectionStringAsync("redis");
        Redis = await ConnectionMultiplexer.ConnectAsync(RedisConnectionString);
    }

    /// <summary>A database of the test's own, migrated and seeded as the migration service would.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var connectionString = await TestDatabases.CreateAsync(serverConnectionString);
        await using var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(connectionString));
        await db.Database.MigrateAsync();
        await ModelPriceSeed.ApplyAsync(db, CancellationToken.None);
        return connectionString;
    }

    /// <summary>Makes a database refuse connections and closes those open, as its server going away would.</summary>
    public Task BlockDatabaseAsync(string database) => OnServerAsync(
        $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");

    public Task UnblockDatabaseAsync(string database) => OnServerAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");

    private async Task OnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        Redis?.Dispose();
        NpgsqlConnection.ClearAllPools();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        dataDirectory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BotCollection : ICollectionFixture<BotEnvironment>
{
    public const string Name = "bot";
}
