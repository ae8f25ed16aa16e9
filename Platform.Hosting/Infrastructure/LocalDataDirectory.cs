using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting;

namespace Platform.Hosting.Infrastructure;

/// <summary>
/// Where local-mode Postgres and Redis keep their data between runs: one folder per user and
/// per checkout, so two clones never share a database. <c>LocalInfrastructure:DataDirectory</c> overrides it.
/// </summary>
public static class LocalDataDirectory
{
    public const string ConfigurationKey = "LocalInfrastructure:DataDirectory";

    public static string Resolve(IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration[ConfigurationKey] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        var checkout = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.AppHostDirectory)))[..12];

        // Postgres refuses to run as root and must reach its data directory as the postgres
        // user, which cannot enter /root; root's data goes where services' data usually goes.
        var root = HostCommand.IsRoot
            ? "/var/lib/platform"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "platform");

        return Path.Combine(root, checkout);
    }
}
