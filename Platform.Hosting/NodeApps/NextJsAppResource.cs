using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.NodeApps;

/// <summary>A Next.js app run with <c>npm run dev</c> (Aspire.Hosting.JavaScript is not available to us).</summary>
public sealed class NextJsAppResource(string name, string appDirectory)
    : ExecutableResource(name, "npm", appDirectory), IResourceWithServiceDiscovery
{
    internal const string HttpEndpointName = "http";

    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);
}
