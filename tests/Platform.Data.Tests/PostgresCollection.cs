using Platform.Testing;

namespace Platform.Data.Tests;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<LocalPostgresFixture>
{
    public const string Name = "postgres";
}
