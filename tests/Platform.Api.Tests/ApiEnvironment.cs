namespace Platform.Api.Tests;

/// <summary>The api tests' Postgres and Redis.</summary>
public sealed class ApiEnvironment() : PlatformInfrastructure("api");

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiEnvironment>
{
    public const string Name = "api";
}
