using Microsoft.Extensions.Configuration;
using Platform.Hosting.Infrastructure;
using Platform.Hosting.NodeApps;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddPlatformInfrastructure();
var database = infrastructure.Database;
var redis = infrastructure.Redis;

var migrations = builder.AddProject<Projects.Platform_MigrationService>("migrations")
    .WithReference(database)
    .WaitFor(database);

var discord = builder.AddDiscord();

var frontend = builder.AddNextJsApp("frontend", "../frontend", port: builder.Configuration.GetValue("Frontend:Port", 3000))
    .WithExternalHttpEndpoints();

var api = builder.AddProject<Projects.Platform_Api>("api")
    .WithReference(database)
    .WithReference(redis)
    .WaitFor(redis)
    .WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health")
    .WithDiscordSignIn(discord, frontend.GetEndpoint("http"));

frontend
    .WithReference(api)
    .WaitFor(api);

builder.AddProject<Projects.Platform_Bot>("bot")
    .WithReference(database)
    .WithReference(redis)
    .WaitFor(redis)
    .WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health")
    .WithDiscord(discord)
    .WithLlm();

builder.Build().Run();
