using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Platform.Hosting.Infrastructure;

namespace Platform.Hosting.LocalRedis;

public static class LocalRedisBuilderExtensions
{
    /// <summary>
    /// Adds <c>redis-server</c> from <paramref name="serverPath"/> on loopback, with a password and
    /// append-only persistence in <paramref name="dataDirectory"/>.
    /// </summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<ParameterResource> password,
        string serverPath,
        string dataDirectory)
    {
        // The password goes in a file only this user can read, never on the command line,
        // where ps and the dashboard would show it.
        var configPath = Path.Combine(dataDirectory, "redis.conf");
        var server = new LocalRedisResource(name, serverPath, dataDirectory, password.Resource);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (_, cancellationToken) =>
            await WriteConfigurationAsync(configPath, dataDirectory, await server.GetPasswordAsync(cancellationToken), cancellationToken));

        return builder.AddResource(server)
            .WithEndpoint(name: LocalServerResource.PrimaryEndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                context.Args.Add(configPath);
                context.Args.Add("--port");
                context.Args.Add(server.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithHealthCheck(resource => new RedisHealthCheck(resource));
    }

    private static async Task WriteConfigurationAsync(string configPath, string dataDirectory, string password, CancellationToken cancellationToken)
    {
        OwnerOnly.CreateDirectory(dataDirectory);
        var escaped = password.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        string[] lines =
        [
            "bind 127.0.0.1",
            "protected-mode yes",
            $"dir \"{dataDirectory}\"",
            "appendonly yes",
            "appendfsync everysec",
            "save 900 1 300 10 60 10000",
            $"requirepass \"{escaped}\"",
        ];

        await File.WriteAllLinesAsync(configPath, lines, cancellationToken);
        OwnerOnly.RestrictFile(configPath);
    }
}
