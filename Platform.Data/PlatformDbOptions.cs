using Microsoft.EntityFrameworkCore;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Platform.Data;

/// <summary>
/// The options every user of <see cref="PlatformDbContext"/> must agree on: the services,
/// the design-time factory and the tests all apply them, so the model is the same everywhere.
/// </summary>
public static class PlatformDbOptions
{
    public const string ConnectionName = "platformdb";

    /// <summary>
    /// Connections one process may hold. Npgsql's default of 100 equals Postgres' default
    /// max_connections, so a burst in the bot alone could take every slot and leave the api and
    /// the bot's next interactions with "too many clients" (seen under load). Beyond this many,
    /// callers wait briefly for a free connection instead.
    /// </summary>
    public const int DefaultMaxPoolSize = 30;

    private static readonly string[] PoolSizeKeywords = ["Maximum Pool Size", "MaxPoolSize"];

    /// <summary>The connection string with <see cref="DefaultMaxPoolSize"/>, unless it names a pool size of its own.</summary>
    public static string WithPoolLimit(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows; the plain one only for those given.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return PoolSizeKeywords.Any(given.ContainsKey)
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = DefaultMaxPoolSize }.ConnectionString;
    }

    public static TBuilder UsePlatformConventions<TBuilder>(this TBuilder options) where TBuilder : DbContextOptionsBuilder
    {
        options.UseSnakeCaseNamingConvention();
        return options;
    }

    public static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable("__ef_migrations_history");

    public static DbContextOptions<PlatformDbContext> ForConnectionString(string connectionString) =>
        new DbContextOptionsBuilder<PlatformDbContext>()
            .UseNpgsql(connectionString, ConfigureNpgsql)
            .UsePlatformConventions()
            .Options;
}
