using Aspire.Hosting;

namespace Platform.Hosting.Infrastructure;

/// <summary>
/// Chooses <see cref="InfrastructureMode"/> from <c>Infrastructure:Mode</c> (auto, containers or local).
/// Auto uses containers when a runtime answers, else local. Publishing always targets containers.
/// </summary>
public static class InfrastructureModeResolver
{
    public const string ConfigurationKey = "Infrastructure:Mode";

    public static InfrastructureMode Resolve(IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return InfrastructureMode.Containers;
        }

        var runtime = builder.Configuration["ASPIRE_CONTAINER_RUNTIME"] ?? "docker";
        var requested = builder.Configuration[ConfigurationKey] ?? "auto";

        return requested.ToLowerInvariant() switch
        {
            "local" => InfrastructureMode.Local,
            "auto" => ContainerRuntimeProbe.IsAvailable(runtime, out _) ? InfrastructureMode.Containers : InfrastructureMode.Local,
            "containers" when ContainerRuntimeProbe.IsAvailable(runtime, out _) => InfrastructureMode.Containers,
            "containers" => throw NoContainerRuntime(runtime),
            _ => throw new DistributedApplicationException(
                $"{ConfigurationKey} is '{requested}'; it must be 'auto', 'containers' or 'local'."),
        };
    }

    private static DistributedApplicationException NoContainerRuntime(string runtime)
    {
        ContainerRuntimeProbe.IsAvailable(runtime, out var detail);
        return new DistributedApplicationException(
            $"{ConfigurationKey} is 'containers', but no container runtime answered ({detail}). " +
            $"Start Docker or Podman (set ASPIRE_CONTAINER_RUNTIME=podman for Podman), " +
            $"or run Postgres and Redis from this machine's packages with {ConfigurationKey}=local " +
            "(or leave it unset to choose automatically).");
    }
}
