using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Hosting.Infrastructure;

namespace Platform.Hosting.NodeApps;

public static class NextJsAppExtensions
{
    /// <summary>
    /// Adds the Next.js app in <paramref name="appDirectory"/> (relative to the AppHost), started with
    /// <c>next dev</c> on loopback, exporting telemetry to the dashboard, healthy when <paramref name="healthPath"/>
    /// answers. Browsers reach it on <paramref name="port"/> (a stable address, as OAuth redirect URIs need),
    /// or on a port Aspire chooses when it is null. Its npm packages are installed first when missing or stale.
    /// </summary>
    public static IResourceBuilder<NextJsAppResource> AddNextJsApp(
        this IDistributedApplicationBuilder builder, string name, string appDirectory, int? port = null, string healthPath = "/healthz")
    {
        var directory = Path.GetFullPath(appDirectory, builder.AppHostDirectory);
        var app = new NextJsAppResource(name, directory);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(app, async (@event, cancellationToken) =>
        {
            var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(app);
            await InstallPackagesIfStaleAsync(directory, logger, cancellationToken);
        });

        return builder.AddResource(app)
            .WithArgs(Path.Combine("node_modules", "next", "dist", "bin", "next"), "dev", "--hostname", "127.0.0.1")
            .WithHttpEndpoint(port: port, name: NextJsAppResource.HttpEndpointName, env: "PORT")
            .WithEnvironment("NEXT_TELEMETRY_DISABLED", "1")
            .WithEnvironment("OTEL_SERVICE_NAME", name)
            // The Node OpenTelemetry exporters speak OTLP over HTTP; the .NET services use gRPC.
            .WithOtlpExporter(OtlpProtocol.HttpProtobuf)
            .WithHttpHealthCheck(healthPath);
    }

    // npm's own record of what it installed is newer than the lock file when nothing changed.
    private static async Task InstallPackagesIfStaleAsync(string directory, ILogger logger, CancellationToken cancellationToken)
    {
        var lockFile = new FileInfo(Path.Combine(directory, "package-lock.json"));
        var installed = new FileInfo(Path.Combine(directory, "node_modules", ".package-lock.json"));
        if (installed.Exists && (!lockFile.Exists || installed.LastWriteTimeUtc >= lockFile.LastWriteTimeUtc))
        {
            return;
        }

        logger.LogInformation("Installing npm packages in {Directory}", directory);
        var output = await HostCommand.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--prefix", directory], cancellationToken);
        logger.LogInformation("{NpmOutput}", output);
    }
}
