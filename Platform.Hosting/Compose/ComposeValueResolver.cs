using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.Compose;

/// <summary>
/// Writes the values of Aspire's model as Compose sees them: parameters become <c>${VARIABLE}</c>
/// references to the <c>.env</c> file (so no secret is ever written), endpoints become the service's
/// name and container port on the Compose network, and expressions are resolved piece by piece.
/// </summary>
internal sealed class ComposeValueResolver
{
    private readonly SortedDictionary<string, ComposeParameter> parameters = new(StringComparer.Ordinal);

    public IEnumerable<ComposeParameter> Parameters => parameters.Values;

    public string Resolve(object? value) => value switch
    {
        null => "",
        string text => text.Replace("$", "$$", StringComparison.Ordinal),
        ParameterResource parameter => Reference(parameter),
        ConnectionStringReference reference => Resolve(reference.Resource.ConnectionStringExpression),
        IResourceWithConnectionString resource => Resolve(resource.ConnectionStringExpression),
        ReferenceExpression expression => Format(expression),
        EndpointReference endpoint => Url(endpoint),
        EndpointReferenceExpression property => Property(property),
        _ => throw new NotSupportedException($"A {value.GetType().Name} cannot be written into the Compose file."),
    };

    /// <summary>The port a resource listens on inside its container, where the endpoint reaches it.</summary>
    public static int ContainerPort(EndpointAnnotation endpoint, IResource resource) =>
        endpoint.TargetPort ?? (resource.TryGetLastAnnotation<ComposeServiceAnnotation>(out var service) ? service.ContainerPort : 8080);

    private string Reference(ParameterResource resource)
    {
        var parameter = ComposeParameter.From(resource);
        parameters[parameter.Name] = parameter;
        return parameter.Reference;
    }

    private string Format(ReferenceExpression expression)
    {
        if (expression.IsConditional)
        {
            // Conditions are facts of the model (is TLS on for an endpoint?), known when publishing.
            var condition = Resolve(expression.Condition);
            if (condition.Contains("${", StringComparison.Ordinal))
            {
                throw new NotSupportedException("An expression that depends on a parameter cannot be written into the Compose file.");
            }

            return Resolve(
                string.Equals(condition, expression.MatchValue, StringComparison.OrdinalIgnoreCase)
                    ? expression.WhenTrue
                    : expression.WhenFalse);
        }

        var values = expression.ValueProviders.Select(provider => (object)Resolve(provider)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, expression.Format, values);
    }

    private static string Url(EndpointReference endpoint) =>
        $"{endpoint.Scheme}://{ServiceName(endpoint.Resource)}:{Port(endpoint)}";

    private static string Property(EndpointReferenceExpression expression) => expression.Property switch
    {
        EndpointProperty.Url => Url(expression.Endpoint),
        EndpointProperty.Host or EndpointProperty.IPV4Host => ServiceName(expression.Endpoint.Resource),
        EndpointProperty.Port or EndpointProperty.TargetPort => Port(expression.Endpoint).ToString(CultureInfo.InvariantCulture),
        EndpointProperty.HostAndPort => $"{ServiceName(expression.Endpoint.Resource)}:{Port(expression.Endpoint)}",
        EndpointProperty.Scheme => expression.Endpoint.Scheme,
        EndpointProperty.TlsEnabled => expression.Endpoint.TlsEnabled ? "true" : "false",
        _ => throw new NotSupportedException($"The endpoint property {expression.Property} cannot be written into the Compose file."),
    };

    private static int Port(EndpointReference endpoint) => ContainerPort(endpoint.EndpointAnnotation, endpoint.Resource);

    /// <summary>The resource whose service runs <paramref name="resource"/>: a child (a database) runs in its parent's.</summary>
    public static IResource ServiceOf(IResource resource) => resource is IResourceWithParent child ? ServiceOf(child.Parent) : resource;

    private static string ServiceName(IResource resource) => ServiceOf(resource).Name;
}
