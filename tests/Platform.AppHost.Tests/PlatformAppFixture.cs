using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using System.Text.Json;
using Npgsql;
using Platform.Testing;

namespace Platform.AppHost.Tests;

/// <summary>
/// The whole platform started once for a collection of tests, in local mode: starting and
/// disposing an AppHost costs tens of seconds.
/// </summary>
public sealed class PlatformAppFixture : IAsyncLifetime
{
    public static readonly string[] Services = ["api", "bot", "frontend"];

    private readonly TestDataDirectory dataDirectory = TestDataDirectory.Create("app");

    public string PostgresPassword { get; } = $"pg-{Guid.NewGuid():N}";

    public string RedisPassword { get; } = $"redis-{Guid.NewGuid():N}";

    public DistributedApplication App { get; private set; } = null!;

    public ResourceEvent MigrationsFinished { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await TestAppHost.CreateBuilderAsync(dataDirectory.Path, PostgresPassword, RedisPassword);
        App = await builder.BuildAsync();

        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await App.StartAsync(timeout.Token);
        MigrationsFinished = await App.ResourceNotifications.WaitForResourceAsync(
            "migrations", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
    }

    /// <summary>The first guild of the emulator's world, once the bot is up.</summary>
    public async Task<JsonElement> FirstGuildAsync(HttpClient discord, CancellationToken cancellationToken)
    {
        await App.ResourceNotifications.WaitForResourceHealthyAsync("bot", cancellationToken);
        return (await EmulatorInteractions.GuildsAsync(discord, cancellationToken))[0];
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await App.StopAsync();
        await App.DisposeAsync();
        dataDirectory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformAppCollection : ICollectionFixture<PlatformAppFixture>
{
    public const string Name = "platform";
}
