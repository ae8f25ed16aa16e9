using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model with no AppHost and no database running.
/// Commands that touch a database take its connection string from PLATFORM_DESIGN_CONNECTION.
/// </summary>
public sealed class PlatformDbContextFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    private const string PlaceholderConnection = "Host=localhost;Database=platformdb;Username=postgres";

    public PlatformDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("PLATFORM_DESIGN_CONNECTION") ?? PlaceholderConnection;
        return new PlatformDbContext(PlatformDbOptions.ForConnectionString(connectionString));
    }
}
