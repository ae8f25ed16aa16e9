using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Platform.Data;

/// <summary>
/// The options every user of <see cref="PlatformDbContext"/> must agree on: the services,
/// the design-time factory and the tests all apply them, so the model is the same everywhere.
/// </summary>
public static class PlatformDbOptions
{
    public const string ConnectionName = "platformdb";

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
