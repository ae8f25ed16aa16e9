using Npgsql;

namespace Platform.Testing;

/// <summary>Databases of a test's own on a shared Postgres server.</summary>
public static class TestDatabases
{
    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateAsync(string serverConnectionString)
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }
}
