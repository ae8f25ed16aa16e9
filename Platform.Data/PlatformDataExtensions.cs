using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Data;

namespace Microsoft.Extensions.Hosting;

public static class PlatformDataExtensions
{
    /// <summary>
    /// Registers the process's one pool of Postgres connections on the "platformdb" connection (an
    /// <see cref="NpgsqlDataSource"/>, at most <see cref="PlatformDbOptions.DefaultMaxPoolSize"/> connections
    /// unless the connection string says otherwise), and a pooled <see cref="PlatformDbContext"/> that
    /// draws on it, with Aspire's health check, retries, tracing and metrics. Whatever else in the
    /// process needs a connection takes the same data source, so the process never holds more than one
    /// pool's worth.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformDatabase(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetConnectionString(PlatformDbOptions.ConnectionName) is { } connectionString)
        {
            builder.Configuration[$"ConnectionStrings:{PlatformDbOptions.ConnectionName}"] = PlatformDbOptions.WithPlatformDefaults(connectionString);
        }

        // The DbContext's health check below covers the data source.
        builder.AddNpgsqlDataSource(PlatformDbOptions.ConnectionName, npgsql => npgsql.DisableHealthChecks = true);
        builder.Services.AddDbContextPool<PlatformDbContext>((services, options) => options
            .UseNpgsql(services.GetRequiredService<NpgsqlDataSource>(), PlatformDbOptions.ConfigureNpgsql)
            .UsePlatformConventions());
        builder.EnrichNpgsqlDbContext<PlatformDbContext>();

        return builder;
    }
}
