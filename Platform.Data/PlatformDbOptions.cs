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

    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>
    /// Connections one process may hold. Npgsql's default of 100 equals Postgres' default
    /// max_connections, so a burst in the bot alone could take every slot and leave the api and
    /// the bot's next interactions with "too many clients" (seen under load). Beyond this many,
    /// callers wait briefly for a free connection instead.
    /// </summary>
    public const int DefaultMaxPoolSize = 30;

    /// <summary>
    /// Statements a connection keeps prepared once they have run a few times (Npgsql: five). The bot
    /// and the api send the same few queries all day; prepared, Postgres skips parsing and planning
    /// them (a 30-day usage summary took 1.36 ms p50 instead of 1.57 with it, in the LLM usage benchmark).
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

    private static readonly (string[] Keywords, Action<NpgsqlConnectionStringBuilder> Apply)[] Defaults =
    [
        (["Maximum Pool Size", "MaxPoolSize"], npgsql => npgsql.MaxPoolSize = DefaultMaxPoolSize),
        (["Max Auto Prepare", "MaxAutoPrepare"], npgsql => npgsql.MaxAutoPrepare = DefaultMaxAutoPrepare),
        // Nothing in the platform leaves session state on a pooled connection, so the reset Npgsql
        // sends ahead of a reused connection's next command is pure cost: a 30-day usage summary
        // took 0.81 ms p50 without it, 1.0 with it (LLM usage benchmark, 3 million rows).
        (["No Reset On Close", "NoResetOnClose"], npgsql => npgsql.NoResetOnClose = true),
    ];

    /// <summary>
    /// The connection string with the platform's pool size, automatic preparation and no reset on
    /// close, except where it names its own.
    /// </summary>
    public static string WithPlatformDefaults(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows; the plain one only for those given.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        foreach (var (_, apply) in Defaults.Where(setting => !setting.Keywords.Any(given.ContainsKey)))
        {
            apply(tuned);
        }

        return tuned.ConnectionString;
    }

    public static TBuilder UsePlatformConventions<TBuilder>(this TBuilder options) where TBuilder : DbContextOptionsBuilder
    {
        options.UseSnakeCaseNamingConvention();
        return options;
    }

    public static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable(MigrationsHistoryTable);

    public static DbContextOptions<PlatformDbContext> ForConnectionString(string connectionString) =>
        new DbContextOptionsBuilder<PlatformDbContext>()
            .UseNpgsql(connectionString, ConfigureNpgsql)
            .UsePlatformConventions()
            .Options;
}
