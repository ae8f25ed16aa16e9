using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Platform.Data;

namespace Microsoft.Extensions.Hosting;

public static class PlatformDataExtensions
{
    /// <summary>
    /// Registers a pooled <see cref="PlatformDbContext"/> on the "platformdb" connection, with
    /// Aspire's health check, retries, tracing and metrics.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformDatabase(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetConnectionString(PlatformDbOptions.ConnectionName) is { } connectionString)
        {
            builder.Configuration[$"ConnectionStrings:{PlatformDbOptions.ConnectionName}"] = PlatformDbOptions.WithPlatformDefaults(connectionString);
        }

        builder.AddNpgsqlDbContext<PlatformDbContext>(
            PlatformDbOptions.ConnectionName,
            configureDbContextOptions: options => options
                .UseNpgsql(PlatformDbOptions.ConfigureNpgsql)
                .UsePlatformConventions());

        return builder;
    }
}
