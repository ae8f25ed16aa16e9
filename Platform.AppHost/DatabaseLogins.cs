using Platform.Hosting.Infrastructure;

/// <summary>
/// The api and the bot log in to Postgres as roles of their own, each with a secret parameter
/// (<c>api-db-password</c>, <c>bot-db-password</c>); the migration service, which owns the schema,
/// creates them and grants them rows only (Platform.Data's ServiceLogins).
/// </summary>
internal static class DatabaseLogins
{
    public static IResourceBuilder<ProjectResource> WithDatabaseLogin(
        this IResourceBuilder<ProjectResource> service, PlatformInfrastructure infrastructure, IResourceBuilder<ProjectResource> migrations)
    {
        var role = $"platform_{service.Resource.Name}";
        var password = service.ApplicationBuilder.AddParameter(
            $"{service.Resource.Name}-db-password", new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
        migrations.WithEnvironment($"ServiceLogins__{role}", password);
        return service.WithEnvironment($"ConnectionStrings__{PlatformInfrastructure.DatabaseName}", infrastructure.LoginFor(role, password));
    }
}
