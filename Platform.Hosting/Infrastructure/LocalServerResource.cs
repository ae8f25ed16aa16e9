using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.Infrastructure;

/// <summary>
/// A server run from the host's own binaries, reached over one TCP endpoint and protected by a
/// secret password parameter; it is the local-mode stand-in for a database container.
/// </summary>
public abstract class LocalServerResource(string name, string command, string dataDirectory, ParameterResource password)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public ParameterResource PasswordParameter { get; } = password;

    public abstract ReferenceExpression ConnectionStringExpression { get; }

    internal async Task<string> GetPasswordAsync(CancellationToken cancellationToken) =>
        await PasswordParameter.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Parameter '{PasswordParameter.Name}' has no value.");
}
