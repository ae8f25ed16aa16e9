using System.Globalization;
using Microsoft.Extensions.Configuration;
using Platform.Hosting.Compose;
using Platform.Hosting.NodeApps;

/// <summary>
/// How each service is deployed with Compose: its Dockerfile and its networks (docs/architecture.md). Only the
/// frontend is reachable from outside the host (the dashboard's UI is bound to 127.0.0.1); the bot reaches
/// Discord through <c>intranet</c> and publishes no port.
/// </summary>
internal static class PlatformServices
{
    public const string PublicUrlParameter = "public-url";
    public const string BotTotalShardsParameter = "bot-total-shards";

    /// <summary>Where the bot image keeps LLM usage records while Postgres is away (its Dockerfile makes it the image user's).</summary>
    public const string BotSpoolDirectory = "/var/lib/platform-bot/spool";

    /// <summary>
    /// The services read <c>ConnectionStrings__*</c> and <c>services__*</c>; Aspire's per-property variables would only
    /// repeat them.
    /// </summary>
    public const ReferenceEnvironmentInjectionFlags ReferenceEnvironment =
        ReferenceEnvironmentInjectionFlags.ConnectionString | ReferenceEnvironmentInjectionFlags.ServiceDiscovery;

    public static ComposeServiceAnnotation Migrations { get; } = new(ComposeNetworks.DbNet)
    {
        Dockerfile = "Platform.MigrationService/Dockerfile",
    };

    public static ComposeServiceAnnotation Api { get; } = new(ComposeNetworks.Internet, ComposeNetworks.Intranet, ComposeNetworks.DbNet)
    {
        Dockerfile = "Platform.Api/Dockerfile",
        Healthcheck = DotnetHealthcheck("Platform.Api.dll"),
    };

    public static ComposeServiceAnnotation Frontend { get; } = new(ComposeNetworks.Internet, ComposeNetworks.Intranet)
    {
        Dockerfile = "frontend/Dockerfile",
        ContainerPort = 3000,
        Ports = ["3000:3000"],
        // Without spaces: Podman's Docker-compatible API splits a health check's arguments on them.
        Healthcheck = new(["CMD", "node", "-e", "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]),
    };

    /// <summary>The aspnet image has no curl: the service's own binary asks its <c>/health</c> (HealthProbe in Platform.ServiceDefaults).</summary>
    private static ComposeHealthcheck DotnetHealthcheck(string assembly) => new(["CMD", "dotnet", assembly, "--health-probe"]);

    /// <summary>
    /// <c>Compose:BotReplicas</c> (set when publishing) runs the bot as that many services, each taking
    /// every n-th shard of the <c>bot-total-shards</c> parameter; one replica runs Discord's recommendation.
    /// </summary>
    public static IResourceBuilder<ProjectResource> PublishAsComposeBots(this IResourceBuilder<ProjectResource> bot)
    {
        var builder = bot.ApplicationBuilder;
        var replicas = builder.Configuration.GetValue("Compose:BotReplicas", 1);
        if (replicas < 1)
        {
            throw new DistributedApplicationException($"Compose:BotReplicas is {replicas}; it must be 1 or more.");
        }

        if (replicas > 1 && builder.ExecutionContext.IsPublishMode)
        {
            bot.WithEnvironment("Bot__TotalShards", builder.AddParameter(BotTotalShardsParameter));
        }

        return bot.PublishAsComposeService(new(ComposeNetworks.Intranet, ComposeNetworks.DbNet)
        {
            Dockerfile = "Platform.Bot/Dockerfile",
            Healthcheck = DotnetHealthcheck("Platform.Bot.dll"),
            Volumes = new Dictionary<string, string> { ["spool"] = BotSpoolDirectory },
            Replicas = replicas,
            ReplicaEnvironment = replicas == 1 ? null : index => new Dictionary<string, string>
            {
                ["Bot__ProcessCount"] = replicas.ToString(CultureInfo.InvariantCulture),
                ["Bot__ProcessIndex"] = index.ToString(CultureInfo.InvariantCulture),
            },
        });
    }

    /// <summary>Where browsers reach the frontend: its local endpoint in a dev run, the <c>public-url</c> parameter when deployed.</summary>
    public static ReferenceExpression PublicAddress(this IDistributedApplicationBuilder builder, IResourceBuilder<NextJsAppResource> frontend) =>
        builder.ExecutionContext.IsPublishMode
            ? ReferenceExpression.Create($"{builder.AddParameter(PublicUrlParameter)}")
            : ReferenceExpression.Create($"{frontend.GetEndpoint("http")}");
}
