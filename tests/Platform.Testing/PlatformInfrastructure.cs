using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Data;
using Platform.Data.Llm;
using Platform.Testing.Discord;
using StackExchange.Redis;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// Real Postgres and Redis, run by the AppHost in local mode, shared by a test collection. Each test
/// gets a migrated database of its own, and a bot application id of its own, under which the bot and
/// the api keep their Redis names, so that tests never see each other's data.
/// </summary>
public class PlatformInfrastructure(string name, bool proxied = true) : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>
    /// Started outside xunit, for benchmarks: without the AppHost's proxies in front of the servers, so
    /// that clients connect straight to them as in production, where no proxy relays each query.
    /// </summary>
    public static async Task<PlatformInfrastructure> StartAsync(string name)
    {
        var infrastructure = new PlatformInfrastructure(name, proxied: false);
        await infrastructure.InitializeAsync();
        return infrastructure;
    }

    private readonly TestDataDirectory dataDirectory = TestDataDirectory.Create(name);
    private DistributedApplication? app;
    private string serverConnectionString = "";

    public string RedisConnectionString { get; private set; } = "";

    public IConnectionMultiplexer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        // Tests keep the proxies: a server they stop and start again comes back behind the same address.
        var builder = (await TestAppHost.CreateBuilderAsync(dataDirectory.Path, $"pg-{Guid.NewGuid():N}", $"redis-{Guid.NewGuid():N}"))
            .KeepOnly("postgres", "postgres-password", "redis", "redis-password");
        if (!proxied)
        {
            builder.WithoutProxies();
        }

        app = await builder.BuildAndStartAsync(timeout.Token);
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

    /// <summary>Stops the Postgres server, as an outage would; every open connection breaks.</summary>
    public async Task StopPostgresAsync()
    {
        await RunCommandAsync("postgres", KnownResourceCommands.StopCommand);
        var probe = new NpgsqlConnectionStringBuilder(serverConnectionString) { Timeout = 1, Pooling = false }.ConnectionString;
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync();
                return false;
            }
            catch (NpgsqlException)
            {
                return true;
            }
        }, "Postgres refusing connections");
    }

    /// <summary>Starts the Postgres server again and waits until it takes connections.</summary>
    public Task StartPostgresAsync() => StartResourceAsync("postgres");

    /// <summary>Stops the Redis server, as an outage would.</summary>
    public async Task StopRedisAsync()
    {
        await RunCommandAsync("redis", KnownResourceCommands.StopCommand);
        await Eventually.TrueAsync(() => Task.FromResult(!Redis.IsConnected), "Redis connection lost");
    }

    /// <summary>Starts the Redis server again and waits until it takes connections.</summary>
    public async Task StartRedisAsync()
    {
        await StartResourceAsync("redis");
        await Eventually.TrueAsync(() => Task.FromResult(Redis.IsConnected), "Redis connection restored");
    }

    private async Task StartResourceAsync(string resource)
    {
        await RunCommandAsync(resource, KnownResourceCommands.StartCommand);
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await app!.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    private async Task RunCommandAsync(string resource, string command)
    {
        var result = await app!.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command);
        Assert.True(result.Success, $"{command} on {resource}: {result.Message}");
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public virtual async Task DisposeAsync()
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
