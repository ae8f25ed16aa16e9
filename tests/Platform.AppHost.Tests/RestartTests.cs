using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using Platform.Testing;
using StackExchange.Redis;

namespace Platform.AppHost.Tests;

/// <summary>Local mode keeps its data across AppHost runs, even when the generated passwords change.</summary>
public sealed class RestartTests
{
    private static readonly string[] Infrastructure =
        ["postgres", "postgres-password", "platformdb", "redis", "redis-password", "migrations"];

    [Fact]
    public async Task Database_rows_and_redis_keys_survive_a_restart_with_new_passwords()
    {
        using var data = TestDataDirectory.Create("restart");
        var marker = $"kept-{Guid.NewGuid():N}";

        await using (var first = await StartAsync(data.Path))
        {
            await ExecuteAsync(first, $"INSERT INTO guilds (id, name, owner_id, member_count, shard_id, joined_at, updated_at) VALUES (7, '{marker}', 1, 3, 0, now(), now())");
            await using var redis = await ConnectRedisAsync(first);
            await redis.GetDatabase().StringSetAsync("restart-marker", marker);
            await first.StopAsync();
        }

        Assert.False(File.Exists(Path.Combine(data.Path, "postgres", "postmaster.pid")), "Postgres did not shut down cleanly.");

        await using var second = await StartAsync(data.Path);

        Assert.Equal(marker, await ExecuteScalarAsync(second, "SELECT name FROM guilds WHERE id = 7"));
        await using var reconnected = await ConnectRedisAsync(second);
        Assert.Equal(marker, (string?)await reconnected.GetDatabase().StringGetAsync("restart-marker"));
    }

    private static async Task<DistributedApplication> StartAsync(string dataDirectory)
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        var app = await TestAppHost.StartAsync(dataDirectory, $"pg-{Guid.NewGuid():N}", $"redis-{Guid.NewGuid():N}", timeout.Token, Infrastructure);
        await app.ResourceNotifications.WaitForResourceAsync("migrations", KnownResourceStates.Finished, timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("redis", timeout.Token);
        return app;
    }

    private static async Task ExecuteAsync(DistributedApplication app, string sql)
    {
        await using var connection = await app.OpenUnpooledAsync("platformdb");
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ExecuteScalarAsync(DistributedApplication app, string sql)
    {
        await using var connection = await app.OpenUnpooledAsync("platformdb");
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<ConnectionMultiplexer> ConnectRedisAsync(DistributedApplication app) =>
        await ConnectionMultiplexer.ConnectAsync(await app.ConnectionStringAsync("redis"));
}
