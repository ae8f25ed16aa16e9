using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using Platform.Hosting.Infrastructure;
using Platform.Testing;
using StackExchange.Redis;

namespace Platform.AppHost.Tests;

/// <summary>Both modes keep their data across AppHost runs; local mode even when the generated passwords change.</summary>
[Collection(RestartCollection.Name)]
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
            await ExecuteAsync(
                first,
                $"INSERT INTO guilds (id, name, owner_id, member_count, shard_id, joined_at, updated_at) VALUES (7, " +
                $"'{marker}', 1, 3, 0, now(), now())");
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

    [Fact]
    public async Task In_containers_mode_under_podman_rows_and_keys_survive_a_restart()
    {
        using var data = TestDataDirectory.Create("restart-containers");
        string[] containers = ["--Infrastructure:Mode=containers", "--ASPIRE_CONTAINER_RUNTIME=podman"];
        // A container keeps the password its volume was made with, as the official images do.
        var (postgresPassword, redisPassword) = ($"pg{Guid.NewGuid():N}", $"redis{Guid.NewGuid():N}");
        var marker = $"kept-{Guid.NewGuid():N}";
        // No registry answers here: Aspire runs the local stand-ins of its images (scripts/test.sh builds them first).
        Assert.Equal(0, await Tool(Path.Combine(Projects.Platform_AppHost.ProjectPath, "..", "tests", "StandInImages", "build.sh")));
        try
        {
            await using (var first = await StartAsync(data.Path, postgresPassword, redisPassword, containers))
            {
                await ExecuteAsync(
                    first,
                    $"INSERT INTO guilds (id, name, owner_id, member_count, shard_id, joined_at, updated_at) VALUES " +
                    $"(7, '{marker}', 1, 3, 0, now(), now())");
                await using var redis = await ConnectRedisAsync(first);
                await redis.GetDatabase().StringSetAsync("restart-marker", marker);
                await first.StopAsync();
            }

            await using var second = await StartAsync(data.Path, postgresPassword, redisPassword, containers);

            Assert.Equal(marker, await ExecuteScalarAsync(second, "SELECT name FROM guilds WHERE id = 7"));
            await using var reconnected = await ConnectRedisAsync(second);
            Assert.Equal(marker, (string?)await reconnected.GetDatabase().StringGetAsync("restart-marker"));
            Assert.Equal(
                "platform_api platform_bot",
                await ExecuteScalarAsync(
                    second,
                    "SELECT string_agg(rolname::text, ' ' ORDER BY rolname) FROM pg_roles WHERE rolname LIKE 'platform\\_%'"));
        }
        finally
        {
            await Tool("podman", "volume", "rm", "--force", DataVolumes.Name(data.Path, "postgres"), DataVolumes.Name(data.Path, "redis"));
        }
    }

    private static Task<DistributedApplication> StartAsync(string dataDirectory) =>
        StartAsync(dataDirectory, $"pg-{Guid.NewGuid():N}", $"redis-{Guid.NewGuid():N}", []);

    private static async Task<DistributedApplication> StartAsync(
        string dataDirectory,
        string postgresPassword,
        string redisPassword,
        string[] arguments)
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        var builder = await TestAppHost.CreateBuilderAsync(dataDirectory, postgresPassword, redisPassword, arguments);
        var app = await builder.KeepOnly(Infrastructure).BuildAndStartAsync(timeout.Token);
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

    private static async Task<int> Tool(string file, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(file, arguments);
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static async Task<ConnectionMultiplexer> ConnectRedisAsync(DistributedApplication app) =>
        await ConnectionMultiplexer.ConnectAsync(await app.ConnectionStringAsync("redis"));
}

/// <summary>
/// Two whole AppHosts in turn, one with containers: run beside the browser tests, they starved next's first
/// compile of a page past the tests' 90 s (seen on a fresh clone). They run alone, after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RestartCollection
{
    public const string Name = "restart";
}
