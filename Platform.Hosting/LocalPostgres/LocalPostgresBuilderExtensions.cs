using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Hosting.Infrastructure;

namespace Platform.Hosting.LocalPostgres;

public static class LocalPostgresBuilderExtensions
{
    /// <summary>
    /// Adds Postgres from the host's binaries in <paramref name="binDirectory"/>, keeping its data in
    /// <paramref name="dataDirectory"/>, listening on loopback only, with fsync on and password authentication.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<ParameterResource> password,
        string binDirectory,
        string dataDirectory)
    {
        var cluster = new PostgresCluster(binDirectory, dataDirectory);
        var (command, arguments) = cluster.CommandFor("postgres",
            "-D", dataDirectory,
            "-c", "listen_addresses=127.0.0.1",
            // No Unix socket: every client, the AppHost included, comes over TCP with the password.
            "-c", "unix_socket_directories=",
            "-c", "fsync=on");

        var server = new LocalPostgresResource(name, command, dataDirectory, password.Resource);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (_, cancellationToken) =>
            await cluster.PrepareAsync(await server.GetPasswordAsync(cancellationToken), cancellationToken));

        return builder.AddResource(server)
            .WithArgs([.. arguments])
            .WithEndpoint(name: LocalServerResource.PrimaryEndpointName, scheme: "tcp", env: "PGPORT")
            .WithHealthCheck(resource => new PostgresHealthCheck(resource));
    }

    /// <summary>Adds a database that the AppHost creates, if missing, as soon as the server is healthy.</summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresResource> server, string name, string? databaseName = null)
    {
        var builder = server.ApplicationBuilder;
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, server.Resource);

        builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (@event, cancellationToken) =>
        {
            await CreateDatabaseIfMissingAsync(server.Resource, database.DatabaseName, cancellationToken);
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            await notifications.PublishUpdateAsync(database, state => state with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
            });
        });

        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new("postgres.database", database.DatabaseName)],
            })
            .WithHealthCheck(resource => new PostgresHealthCheck(resource));
    }

    private static async Task CreateDatabaseIfMissingAsync(LocalPostgresResource server, string databaseName, CancellationToken cancellationToken)
    {
        await using var connection = await PostgresHealthCheck.OpenAsync(server, cancellationToken);

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(databaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        var quoted = "\"" + databaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }
}
