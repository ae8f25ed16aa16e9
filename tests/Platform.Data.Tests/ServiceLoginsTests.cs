using Npgsql;
using Platform.Data.Llm;
using Platform.Data.Tests.Llm;
using Platform.Testing;

namespace Platform.Data.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ServiceLoginsTests(LocalPostgresFixture postgres)
{
    private static readonly DateTimeOffset InTenYears = UtcMonth.Start(DateTimeOffset.UtcNow.AddYears(10));

    [Fact]
    public async Task A_service_login_writes_rows_and_manages_usage_partitions_but_cannot_change_the_schema()
    {
        var (_, owner) = await postgres.MigratedAsync();
        var role = $"test_login_{Guid.NewGuid():N}"[..24];
        var password = $"pw'\"; {Guid.NewGuid():N}";
        await using (var connection = await owner.OpenConnectionAsync())
        {
            await ServiceLogins.GrantAsync(connection, role, password, CancellationToken.None);
            // A second run (every start of the migration service) changes nothing but the password.
            await ServiceLogins.GrantAsync(connection, role, password, CancellationToken.None);
        }

        await using var login = await NpgsqlDataSource
            .Create(
                new NpgsqlConnectionStringBuilder(owner.ConnectionString)
                {
                    Username = role,
                    Password = password,
                }.ConnectionString)
            .OpenConnectionAsync();

        await ExecuteAsync(
            login,
            "INSERT INTO guilds (id, name, owner_id, member_count, shard_id, joined_at, updated_at) VALUES (42, 'g', 1, 1, 0, now(), now())");
        await ExecuteAsync(login, "UPDATE guilds SET name = 'h' WHERE id = 42");
        await LlmUsagePartitions.EnsureAsync(login, InTenYears, CancellationToken.None);
        Assert.Contains(InTenYears, await LlmUsagePartitions.ListAsync(login, CancellationToken.None));
        Assert.Contains(
            InTenYears,
            await LlmUsagePartitions.DropExpiredAsync(
                login,
                InTenYears.AddMonths(1),
                retentionMonths: 0,
                CancellationToken.None));
        Assert.DoesNotContain(InTenYears, await LlmUsagePartitions.ListAsync(login, CancellationToken.None));
        await ExecuteAsync(
            login,
            "INSERT INTO tags.tags (guild_id, name, content, author_id, updated_by, created_at, updated_at) VALUES " +
            "(42, 'hello', 'world', 1, 1, now(), now())");
        await ExecuteAsync(login, "DELETE FROM tags.tags WHERE guild_id = 42");
        await ExecuteAsync(login, "DELETE FROM guilds WHERE id = 42");
        await ExecuteAsync(login, $"SELECT * FROM {PlatformDbOptions.MigrationsHistoryTable}");

        foreach (
            var change in new[]
            {
                "CREATE TABLE intruder (id int)",
                "CREATE TABLE tags.intruder (id int)",
                $"DELETE FROM {PlatformDbOptions.MigrationsHistoryTable}",
                "ALTER TABLE guilds ADD COLUMN intruder int",
                "DROP TABLE guilds",
                "TRUNCATE guilds",
                "CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'",
            })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(login, change));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        var notAPartition = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(login, "SELECT llm_usage_drop_partition('guilds')"));
        Assert.Equal(PostgresErrorCodes.InvalidParameterValue, notAPartition.SqlState);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
