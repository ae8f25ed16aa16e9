using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Platform.Hosting.Compose;
using Platform.Hosting.LocalPostgres;
using Platform.Hosting.LocalRedis;

namespace Platform.Hosting.Infrastructure;

/// <summary>The platform's database and cache, whichever way they are run.</summary>
public sealed record PlatformInfrastructure(
    InfrastructureMode Mode,
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Redis);

public static class PlatformInfrastructureExtensions
{
    /// <summary>
    /// Adds <c>postgres</c> (database <c>platformdb</c>) and <c>redis</c>, with secret generated passwords,
    /// as containers with data volumes or as host processes with a per-checkout data directory.
    /// </summary>
    public static PlatformInfrastructure AddPlatformInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var mode = InfrastructureModeResolver.Resolve(builder);
        var postgresPassword = builder.AddParameter("postgres-password", new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
        var redisPassword = builder.AddParameter("redis-password", new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);

        if (mode == InfrastructureMode.Containers)
        {
            var database = builder.AddPostgres("postgres", password: postgresPassword)
                .WithDataVolume()
                .PublishAsComposeService(ComposeInfrastructure.Postgres("platformdb"))
                .AddDatabase("platformdb");
            var redis = builder.AddRedis("redis", password: redisPassword)
                .WithDataVolume()
                .WithAppendOnlyFile()
                .PublishAsComposeService(ComposeInfrastructure.Redis());
            return new(mode, database, redis);
        }

        var dataDirectory = LocalDataDirectory.Resolve(builder);
        var localDatabase = builder.AddLocalPostgres("postgres", postgresPassword, LocalBinaries.PostgresBinDirectory(builder), Path.Combine(dataDirectory, "postgres"))
            .AddDatabase("platformdb");
        var localRedis = builder.AddLocalRedis("redis", redisPassword, LocalBinaries.RedisServerPath(builder), Path.Combine(dataDirectory, "redis"));
        return new(mode, localDatabase, localRedis);
    }
}
