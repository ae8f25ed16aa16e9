using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Hosting.Infrastructure;

namespace Platform.Testing;

/// <summary>Starts the real AppHost for tests, in local mode with its data in a folder of the test's own.</summary>
public static class TestAppHost
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The AppHost's builder with Postgres and Redis run from this machine's packages, keeping their
    /// data in <paramref name="dataDirectory"/>, and the given secret passwords.
    /// </summary>
    public static async Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(
        string dataDirectory, string postgresPassword, string redisPassword, params string[] extraArgs)
    {
        string[] args =
        [
            $"--{InfrastructureModeResolver.ConfigurationKey}=local",
            $"--{LocalDataDirectory.ConfigurationKey}={dataDirectory}",
            $"--Parameters:postgres-password={postgresPassword}",
            $"--Parameters:redis-password={redisPassword}",
            .. extraArgs,
        ];

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
            args, (options, _) => options.DisableDashboard = true);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));
        return builder;
    }

    /// <summary>Drops every resource but <paramref name="names"/>, for tests that need only part of the platform.</summary>
    public static IDistributedApplicationTestingBuilder KeepOnly(this IDistributedApplicationTestingBuilder builder, params string[] names)
    {
        foreach (var resource in builder.Resources.Where(r => !names.Contains(r.Name)).ToList())
        {
            builder.Resources.Remove(resource);
        }

        return builder;
    }

    /// <summary>Clients connect straight to every resource, not through the proxies the AppHost puts in front of them.</summary>
    public static IDistributedApplicationTestingBuilder WithoutProxies(this IDistributedApplicationTestingBuilder builder)
    {
        foreach (var resource in builder.Resources.OfType<IResourceWithEndpoints>().ToList())
        {
            builder.CreateResourceBuilder(resource).WithEndpointProxySupport(false);
        }

        return builder;
    }

    /// <summary>Builds the AppHost with only <paramref name="resources"/> and starts it.</summary>
    public static async Task<DistributedApplication> StartAsync(
        string dataDirectory, string postgresPassword, string redisPassword, CancellationToken cancellationToken, params string[] resources)
    {
        var builder = await CreateBuilderAsync(dataDirectory, postgresPassword, redisPassword);
        return await builder.KeepOnly(resources).BuildAndStartAsync(cancellationToken);
    }

    public static async Task<DistributedApplication> BuildAndStartAsync(
        this IDistributedApplicationTestingBuilder builder,
        CancellationToken cancellationToken)
    {
        var app = await builder.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        return app;
    }

    /// <summary>
    /// A connection to a database resource outside any pool, so that no idle session outlives the
    /// app that is about to stop (Postgres' smart shutdown would wait for it).
    /// </summary>
    public static async Task<NpgsqlConnection> OpenUnpooledAsync(
        this DistributedApplication app,
        string resourceName,
        CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(await app.ConnectionStringAsync(resourceName)) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public static async Task<string> ConnectionStringAsync(this DistributedApplication app, string resourceName) =>
        await app.GetConnectionStringAsync(resourceName)
            ?? throw new InvalidOperationException($"'{resourceName}' has no connection string.");
}
