using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Testing;

namespace Platform.Data.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(LocalPostgresFixture postgres)
{
    private static readonly string[] CoreTables =
    [
        "access_grants", "audit_log", "dashboard_users", "guild_modules", "guilds",
        "llm_budgets", "llm_daily_usage", "llm_daily_user_usage", "llm_model_prices", "llm_settled_days", "llm_usage",
    ];

    [Fact]
    public async Task Migrations_create_every_core_table_in_an_empty_database()
    {
        await using var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(await postgres.CreateDatabaseAsync()));

        await db.Database.MigrateAsync();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        var tables = await db
            .Database.SqlQuery<string>($"""
                SELECT relname AS "Value" FROM pg_class
                WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition
                    AND relname NOT LIKE '\_\_%' ORDER BY 1
                """)
            .ToListAsync();
        Assert.Equal(CoreTables, tables);
    }

    [Fact]
    public async Task Applying_migrations_again_changes_nothing()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(connectionString));
        await db.Database.MigrateAsync();
        var before = await SchemaFingerprintAsync(connectionString);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(before, await SchemaFingerprintAsync(connectionString));
    }

    [Fact]
    public void The_model_has_no_changes_missing_from_a_migration()
    {
        using var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString("Host=unused"));

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model differs from the last migration: run `dotnet ef migrations add <Name> --project Platform.Data`.");
    }

    [Fact]
    public async Task Columns_are_snake_case_and_money_keeps_nine_decimals()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(connectionString));
        await db.Database.MigrateAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT data_type, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name = " +
            "'llm_usage' AND column_name = 'cost_usd'",
            connection);
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync(), "llm_usage.cost_usd does not exist");
        Assert.Equal(("numeric", 18, 9), (reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
    }

    private static async Task<string> SchemaFingerprintAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT string_agg(table_schema || '.' || table_name || '.' || column_name || ':' || data_type, ','
                              ORDER BY table_schema, table_name, column_name)
            FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
