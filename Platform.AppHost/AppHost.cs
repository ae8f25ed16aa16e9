using Microsoft.Extensions.Configuration;
using Platform.Hosting.Compose;
using Platform.Hosting.Infrastructure;
using Platform.Hosting.NodeApps;

var builder = DistributedApplication.CreateBuilder(args);

builder.AddComposePublishing("platform", repositoryRoot: "..");

var infrastructure = builder.AddPlatformInfrastructure();
var database = infrastructure.Database;
var redis = infrastructure.Redis;

var migrations = builder.AddProject<Projects.Platform_MigrationService>("migrations")
    .WithReferenceEnvironment(PlatformServices.ReferenceEnvironment)
    .WithReference(database)
    .WaitFor(database)
    .PublishAsComposeService(PlatformServices.Migrations);

var discord = builder.AddDiscord();

var frontend = builder.AddNextJsApp("frontend", "../frontend", port: builder.Configuration.GetValue("Frontend:Port", 3000))
    .WithExternalHttpEndpoints()
    .PublishAsComposeService(PlatformServices.Frontend);

var api = builder.AddProject<Projects.Platform_Api>("api")
    .WithReferenceEnvironment(PlatformServices.ReferenceEnvironment)
    .WithDatabaseLogin(infrastructure, migrations)
    .WithReference(redis)
    .WaitFor(redis)
    .WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health")
    .WithDiscordSignIn(discord, builder.PublicAddress(frontend))
    .PublishAsComposeService(PlatformServices.Api);

frontend
    .WithReferenceEnvironment(PlatformServices.ReferenceEnvironment)
    .WithReference(api)
    .WaitFor(api);

builder.AddProject<Projects.Platform_Bot>("bot")
    .WithReferenceEnvironment(PlatformServices.ReferenceEnvironment)
    .WithDatabaseLogin(infrastructure, migrations)
    .WithReference(redis)
    .WaitFor(redis)
    .WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health")
    .WithDiscord(discord)
    .WithLlm()
    .PublishAsComposeBots();

builder.Build().Run();

