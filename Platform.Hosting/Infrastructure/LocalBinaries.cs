using Aspire.Hosting;

namespace Platform.Hosting.Infrastructure;

/// <summary>Finds the host's Postgres and Redis programs, or says how to install them.</summary>
public static class LocalBinaries
{
    public static string PostgresBinDirectory(IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration["LocalInfrastructure:PostgresBinDirectory"] is { Length: > 0 } configured)
        {
            return configured;
        }

        // Debian and Ubuntu install each major version side by side; take the newest.
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(directory => Path.Combine(directory, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "postgres")) && File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;

        return installed ?? throw new DistributedApplicationException(
            "Local infrastructure needs PostgreSQL, and none was found under /usr/lib/postgresql. " +
            "Install it (sudo apt-get install postgresql) or set LocalInfrastructure:PostgresBinDirectory " +
            "to the folder that holds postgres and initdb.");
    }

    public static string RedisServerPath(IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration["LocalInfrastructure:RedisServerPath"] is { Length: > 0 } configured)
        {
            return configured;
        }

        var found = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);

        return found ?? throw new DistributedApplicationException(
            "Local infrastructure needs Redis, and redis-server is not on the PATH. " +
            "Install it (sudo apt-get install redis-server) or set LocalInfrastructure:RedisServerPath.");
    }
}
