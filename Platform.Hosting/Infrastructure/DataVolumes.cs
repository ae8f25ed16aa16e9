using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting;

namespace Platform.Hosting.Infrastructure;

/// <summary>
/// The named volumes of containers mode: one set per data directory, as local mode keeps one folder, so two
/// checkouts (or a test and the developer's own run) never share a database.
/// </summary>
public static class DataVolumes
{
    public static string Name(IDistributedApplicationBuilder builder, string resourceName) => Name(LocalDataDirectory.Resolve(builder), resourceName);

    public static string Name(string dataDirectory, string resourceName) =>
        $"platform-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..12]}-{resourceName}-data";
}
