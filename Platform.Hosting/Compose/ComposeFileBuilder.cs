using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.Compose;

/// <summary>Turns every resource marked with <see cref="ComposeServiceAnnotation"/> into Compose services.</summary>
internal sealed class ComposeFileBuilder(
    DistributedApplicationModel model,
    DistributedApplicationExecutionContext executionContext,
    string buildContext)
{
    public ComposeValueResolver Values { get; } = new();

    public async Task<ComposeFile> BuildAsync(CancellationToken cancellationToken)
    {
        var services = new SortedDictionary<string, ComposeService>(StringComparer.Ordinal);
        var volumes = new SortedDictionary<string, ComposeVolume>(StringComparer.Ordinal);
        foreach (var resource in model.Resources.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            if (!resource.TryGetLastAnnotation<ComposeServiceAnnotation>(out var annotation))
            {
                continue;
            }

            var service = await BuildServiceAsync(resource, annotation, cancellationToken);
            foreach (var volume in service.Volumes)
            {
                volumes[volume.Split(':')[0]] = new();
            }

            var names = annotation.ServiceNames(resource.Name);
            for (var replica = 0; replica < names.Count; replica++)
            {
                var copy = service.With(annotation.ReplicaEnvironment?.Invoke(replica) ?? new Dictionary<string, string>());
                foreach (var (volume, target) in annotation.Volumes)
                {
                    var volumeName = $"{names[replica]}-{volume}";
                    copy.Volumes.Add($"{volumeName}:{target}");
                    volumes[volumeName] = new();
                }

                services[names[replica]] = copy;
            }
        }

        services[ComposeDashboard.ServiceName] = ComposeDashboard.Service();
        return new ComposeFile(services, ComposeNetworks.Definitions(), volumes);
    }

    private async Task<ComposeService> BuildServiceAsync(IResource resource, ComposeServiceAnnotation annotation, CancellationToken cancellationToken)
    {
        var service = new ComposeService { Restart = IsOneShot(resource) ? null : "unless-stopped" };
        if (annotation.Dockerfile is { } dockerfile)
        {
            service.Build = new ComposeBuild(buildContext, dockerfile);
        }
        else if (resource.TryGetLastAnnotation<ContainerImageAnnotation>(out var image))
        {
            service.Image = $"{image.Registry}/{image.Image}:{image.Tag}".TrimStart('/');
        }

        foreach (var (key, value) in await EnvironmentAsync(resource, cancellationToken))
        {
            service.Environment[key] = Values.Resolve(value);
        }

        foreach (var (key, value) in annotation.Environment)
        {
            service.Environment[key] = value;
        }

        if (resource is not ContainerResource)
        {
            // Every service but the data stores exports its telemetry to the dashboard.
            service.Environment["OTEL_SERVICE_NAME"] = resource.Name;
            // .NET exports OTLP over gRPC; the Node exporters speak it over HTTP.
            var grpc = resource is ProjectResource;
            service.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = grpc ? ComposeDashboard.OtlpGrpcEndpoint : ComposeDashboard.OtlpHttpEndpoint;
            service.Environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = grpc ? "grpc" : "http/protobuf";
        }

        service.Command.AddRange(annotation.Command);
        service.Ports.AddRange(annotation.Ports);
        service.Volumes.AddRange(DataVolumes(resource));
        service.Networks.AddRange(annotation.Networks.Order(StringComparer.Ordinal));
        service.Healthcheck = annotation.Healthcheck;
        // Compose networks carry plain http; TLS ends at the operator's proxy in front of the frontend.
        service.Expose.AddRange(resource.Annotations.OfType<EndpointAnnotation>()
            .Where(endpoint => endpoint.UriScheme != "https")
            .Select(endpoint => ComposeValueResolver.ContainerPort(endpoint, resource).ToString(CultureInfo.InvariantCulture))
            .Distinct());

        AddDependencies(resource, service);
        return service;
    }

    /// <summary>Named volumes where the model mounts data volumes (their targets follow the image's version).</summary>
    private static IEnumerable<string> DataVolumes(IResource resource) =>
        resource.Annotations.OfType<ContainerMountAnnotation>()
            .Where(mount => mount.Type == ContainerMountType.Volume)
            .Select((mount, index) => $"{resource.Name}-data{(index == 0 ? "" : $"-{index}")}:{mount.Target}");

    /// <summary>The environment Aspire gives the resource when publishing, less what only a local run uses.</summary>
    private async Task<Dictionary<string, object>> EnvironmentAsync(IResource resource, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(executionContext, resource, environment, cancellationToken);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        foreach (var key in environment.Keys.Where(IsLocalOnly).ToList())
        {
            environment.Remove(key);
        }

        return environment;
    }

    private static bool IsLocalOnly(string key) =>
        key.StartsWith("OTEL_", StringComparison.Ordinal) || key.StartsWith("ASPIRE_", StringComparison.Ordinal)
        || key.StartsWith("services__", StringComparison.Ordinal) && key.Contains("__https__", StringComparison.Ordinal);

    private void AddDependencies(IResource resource, ComposeService service)
    {
        foreach (var wait in resource.Annotations.OfType<WaitAnnotation>())
        {
            var target = ComposeValueResolver.ServiceOf(wait.Resource);
            if (!target.TryGetLastAnnotation<ComposeServiceAnnotation>(out var dependency))
            {
                continue;
            }

            var condition = wait.WaitType == WaitType.WaitForCompletion ? "service_completed_successfully"
                : dependency.Healthcheck is not null ? "service_healthy"
                : "service_started";
            foreach (var name in dependency.ServiceNames(target.Name))
            {
                service.DependsOn[name] = new ComposeDependency(condition);
            }
        }
    }

    private bool IsOneShot(IResource resource) =>
        model.Resources.Any(other =>
            other
                .Annotations.OfType<WaitAnnotation>()
                .Any(w => w.Resource == resource && w.WaitType == WaitType.WaitForCompletion));
}
