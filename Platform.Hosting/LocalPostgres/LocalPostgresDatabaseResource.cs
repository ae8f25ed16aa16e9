using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.LocalPostgres;

/// <summary>A database on a <see cref="LocalPostgresResource"/>, created by the AppHost once the server is up.</summary>
public sealed class LocalPostgresDatabaseResource(string name, string databaseName, LocalPostgresResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;

    public LocalPostgresResource Parent { get; } = parent;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
