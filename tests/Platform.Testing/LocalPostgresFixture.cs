using Aspire.Hosting;
using Npgsql;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// A real Postgres server, run from the host's binaries exactly as the AppHost runs it in local
/// mode, on which each test creates a database of its own.
/// </summary>
public sealed class LocalPostgresFixture : IAsyncLifetime
{
    private readonly TestDataDirectory dataDirectory = TestDataDirectory.Create("pg");
    private DistributedApplication? app;
    private string serverConnectionString = "";

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        app = await TestAppHost.StartAsync(dataDirectory.Path, $"pg-{Guid.NewGuid():N}", $"redis-{Guid.NewGuid():N}", timeout.Token,
            "postgres", "postgres-password");
        await app.ResourceNotifications.WaitForResourceHealthyAsync("postgres", timeout.Token);
        serverConnectionString = await app.ConnectionStringAsync("postgres");
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync() => TestDatabases.CreateAsync(serverConnectionString);

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        dataDirectory.Dispose();
    }
}
