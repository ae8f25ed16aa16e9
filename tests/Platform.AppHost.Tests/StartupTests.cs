using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Data;
using Platform.Data.Llm;
using Platform.Testing;

namespace Platform.AppHost.Tests;

[Collection(PlatformAppCollection.Name)]
public sealed class StartupTests(PlatformAppFixture platform)
{
    private static readonly string LatestMigration = MigrationsInCode().Last();

    [Fact]
    public void Migrations_run_to_completion_with_exit_code_zero()
    {
        Assert.Equal(KnownResourceStates.Finished, platform.MigrationsFinished.Snapshot.State?.Text);
        Assert.Equal(0, platform.MigrationsFinished.Snapshot.ExitCode);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("bot")]
    [InlineData("frontend")]
    [InlineData("discord")]
    [InlineData("llm")]
    public async Task Service_becomes_healthy(string resource)
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);

        var healthy = await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);

        Assert.Equal(KnownResourceStates.Running, healthy.Snapshot.State?.Text);
    }

    [Fact]
    public async Task Every_migration_is_applied_and_the_status_endpoint_says_the_database_and_redis_are_up()
    {
        var status = await GetStatusAsync("api");
        await using var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(await platform.App.ConnectionStringAsync("platformdb")));

        Assert.Equal(LatestMigration, (await db.Database.GetAppliedMigrationsAsync()).Last());
        Assert.True(status.Database.Reachable);
        Assert.True(status.Redis.Reachable);
    }

    [Fact]
    public async Task The_api_and_the_bot_log_in_as_their_own_roles_which_cannot_change_the_schema()
    {
        await GetStatusAsync("api");
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("bot", timeout.Token);
        await using var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(await platform.App.ConnectionStringAsync("platformdb")));

        var logins = await db
            .Database.SqlQuery<string>(
                $"SELECT DISTINCT usename::text AS \"Value\" FROM pg_stat_activity WHERE datname = 'platformdb'")
            .ToListAsync();
        var mayCreate = await db
            .Database.SqlQuery<bool>($"""
                SELECT has_schema_privilege('platform_bot', current_schema(), 'CREATE')
                    OR has_schema_privilege('platform_api', current_schema(), 'CREATE') AS "Value"
                """)
            .SingleAsync();
        var owners = await db
            .Database.SqlQuery<string>(
                $"SELECT DISTINCT tableowner::text AS \"Value\" FROM pg_tables WHERE schemaname = current_schema()")
            .ToListAsync();

        // The tests' own connections log in as postgres; the services' are the other ones.
        Assert.Equal(["platform_api", "platform_bot"], logins.Where(login => login != "postgres").Order(StringComparer.Ordinal));
        Assert.False(mayCreate);
        Assert.Equal(["postgres"], owners);
    }

    [Fact]
    public async Task Frontend_proxies_api_requests_to_the_api()
    {
        var status = await GetStatusAsync("frontend");

        Assert.True(status.Database.Reachable);
    }

    [Fact]
    public async Task Migrations_seed_the_model_price_list()
    {
        await using var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(await platform.App.ConnectionStringAsync("platformdb")));

        var prices = await db.LlmModelPrices.CountAsync();

        Assert.Equal(ModelPriceSeed.Prices.Count, prices);
    }

    private async Task<StatusResponse> GetStatusAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        using var client = platform.App.CreateHttpClient(resource);

        var status = await client.GetFromJsonAsync<StatusResponse>("/api/platform/status", timeout.Token);

        return status ?? throw new InvalidOperationException("The status endpoint returned no body.");
    }

    private static IEnumerable<string> MigrationsInCode()
    {
        using var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString("Host=unused"));
        return db.Database.GetMigrations().ToList();
    }

    private sealed record StatusResponse(ReachableResponse Database, ReachableResponse Redis);

    private sealed record ReachableResponse(bool Reachable);
}
