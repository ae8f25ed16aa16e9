using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.Compose;

/// <summary>
/// Puts a resource into the published Compose file: on which networks, built from which Dockerfile
/// (or run from the resource's own image), and what Compose adds that Aspire's model does not say.
/// </summary>
public sealed class ComposeServiceAnnotation(params string[] networks) : IResourceAnnotation
{
    public IReadOnlyList<string> Networks { get; } = networks;

    /// <summary>The Dockerfile, relative to the repository root that is the build context; null runs the resource's image.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>The port the service listens on inside its container, for endpoints the model gives no target port.</summary>
    public int ContainerPort { get; init; } = 8080;

    /// <summary>Ports published on the host, as Compose writes them (<c>host:container</c>).</summary>
    public IReadOnlyList<string> Ports { get; init; } = [];

    /// <summary>Replaces the image's command; empty keeps it.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Environment the service's image needs that the model does not set (the image's own settings).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public ComposeHealthcheck? Healthcheck { get; init; }

    /// <summary>Named volumes of the service's own, by name and mount path; each replica gets its own (<c>bot-0-spool</c>).</summary>
    public IReadOnlyDictionary<string, string> Volumes { get; init; } = new Dictionary<string, string>();

    /// <summary>Several copies, named <c>name-0</c>, <c>name-1</c>, ..., each given <see cref="ReplicaEnvironment"/> for its index.</summary>
    public int Replicas { get; init; } = 1;

    public Func<int, IReadOnlyDictionary<string, string>>? ReplicaEnvironment { get; init; }

    /// <summary>The Compose services the resource named <paramref name="resourceName"/> runs as, by replica index.</summary>
    public IReadOnlyList<string> ServiceNames(string resourceName) =>
        Replicas == 1 ? [resourceName] : [.. Enumerable.Range(0, Replicas).Select(replica => $"{resourceName}-{replica}")];
}
