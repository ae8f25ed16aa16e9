using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using Platform.Testing;

namespace Platform.AppHost.Tests;

public sealed class FailedMigrationTests
{
    [Fact]
    public async Task A_failed_migration_exits_non_zero_and_the_api_never_starts()
    {
        using var data = TestDataDirectory.Create("badmig");
        var postgresPassword = $"pg-{Guid.NewGuid():N}";
        var redisPassword = $"redis-{Guid.NewGuid():N}";
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);

        // A table the first migration also creates makes that migration fail half-way.
        await using (
            var database = await TestAppHost.StartAsync(
                data.Path,
                postgresPassword,
                redisPassword,
                timeout.Token,
                "postgres",
                "postgres-password",
                "platformdb"))
        {
            await database.ResourceNotifications.WaitForResourceHealthyAsync("platformdb", timeout.Token);
            await using var connection = await database.OpenUnpooledAsync("platformdb", timeout.Token);
            await using var command = new NpgsqlCommand("CREATE TABLE guilds (squatter text)", connection);
            await command.ExecuteNonQueryAsync(timeout.Token);
            await database.StopAsync(timeout.Token);
        }

        await using var app = await TestAppHost.StartAsync(data.Path, postgresPassword, redisPassword, timeout.Token,
            "postgres", "postgres-password", "platformdb", "redis", "redis-password", "migrations", "api",
            "discord", "discord-emulator-token", "discord-emulator-client-id", "discord-emulator-client-secret", "bot-owner-ids");

        var migrations = await app.ResourceNotifications.WaitForResourceAsync(
            "migrations", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
        var api = await app.ResourceNotifications.WaitForResourceAsync(
            "api",
            e =>
                e.Snapshot.State?.Text is { } state
                && (state == KnownResourceStates.FailedToStart || state == KnownResourceStates.Running),
            timeout.Token);

        Assert.NotEqual(0, migrations.Snapshot.ExitCode);
        Assert.Equal(KnownResourceStates.FailedToStart, api.Snapshot.State?.Text);
    }
}
