using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.NodeApps;

/// <summary>
/// A Next.js dev server (Aspire.Hosting.JavaScript is not available to us). It runs the Next CLI
/// under node itself rather than through npm: npm does not pass the stop signal on, and the dev
/// server would outlive the AppHost.
/// </summary>
public sealed class NextJsAppResource(string name, string appDirectory)
    : ExecutableResource(name, "node", appDirectory), IResourceWithServiceDiscovery
{
    internal const string HttpEndpointName = "http";

    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);
}
