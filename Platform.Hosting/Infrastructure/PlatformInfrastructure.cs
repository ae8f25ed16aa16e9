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
    IResourceBuilder<IResourceWithConnectionString> Redis,
    EndpointReference DatabaseServer)
{
    public const string DatabaseName = "platformdb";

    /// <summary>
    /// The database as <paramref name="role"/> sees it: the server's address with that login and no other. The
    /// superuser's connection string (<see cref="Database"/>) is for the migration service alone.
    /// </summary>
    public ReferenceExpression LoginFor(string role, IResourceBuilder<ParameterResource> password) =>
        ReferenceExpression.Create(
            $"Host={DatabaseServer.Property(EndpointProperty.Host)};Port={DatabaseServer.Property(EndpointProperty.Port)};" +
            $"Username={role};Password={password.Resource};Database={DatabaseName}");
}

public static class PlatformInfrastructureExtensions
{
    /// <summary>
    /// Adds <c>postgres</c> (database <c>platformdb</c>) and <c>redis</c>, with secret generated passwords,
    /// as containers with data volumes or as host processes with a per-checkout data directory.
    /// </summary>
    public static PlatformInfrastructure AddPlatformInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var mode = InfrastructureModeResolver.Resolve(builder);
        var postgresPassword = builder.AddParameter(
            "postgres-password",
            new GenerateParameterDefault { MinLength = 24, Special = false },
            secret: true,
            persist: true);
        var redisPassword = builder.AddParameter(
            "redis-password",
            new GenerateParameterDefault { MinLength = 24, Special = false },
            secret: true,
            persist: true);

        if (mode == InfrastructureMode.Containers)
        {
            var server = builder.AddPostgres("postgres", password: postgresPassword)
                .WithDataVolume(DataVolumes.Name(builder, "postgres"))
                .PublishAsComposeService(ComposeInfrastructure.Postgres(PlatformInfrastructure.DatabaseName));
            var database = server.AddDatabase(PlatformInfrastructure.DatabaseName);
            var redis = builder.AddRedis("redis", password: redisPassword)
                .WithDataVolume(DataVolumes.Name(builder, "redis"))
                .WithAppendOnlyFile()
                .PublishAsComposeService(ComposeInfrastructure.Redis());
            return new(mode, database, redis, server.Resource.PrimaryEndpoint);
        }

        var dataDirectory = LocalDataDirectory.Resolve(builder);
        var localServer = builder.AddLocalPostgres(
            "postgres",
            postgresPassword,
            LocalBinaries.PostgresBinDirectory(builder),
            Path.Combine(dataDirectory, "postgres"));
        var localDatabase = localServer.AddDatabase(PlatformInfrastructure.DatabaseName);
        var localRedis = builder.AddLocalRedis("redis", redisPassword, LocalBinaries.RedisServerPath(builder), Path.Combine(dataDirectory, "redis"));
        return new(mode, localDatabase, localRedis, localServer.Resource.PrimaryEndpoint);
    }
}
