using Aspire.Hosting.ApplicationModel;
using Platform.Hosting.Infrastructure;

namespace Platform.Hosting.LocalPostgres;

/// <summary>A Postgres server run from the host's own binaries, for machines with no container runtime.</summary>
public sealed class LocalPostgresResource(string name, string command, string dataDirectory, ParameterResource password)
    : LocalServerResource(name, command, dataDirectory, password)
{
    public override ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create(
            $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};" +
            $"Username=postgres;Password={PasswordParameter}");
}
