using System.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Platform.Hosting.Compose;

/// <summary>Writes <c>docker-compose.yaml</c> and <c>.env.example</c>: the same model always gives the same bytes.</summary>
internal static class ComposeFileWriter
{
    public const string ComposeFileName = "docker-compose.yaml";
    public const string EnvironmentExampleFileName = ".env.example";

    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .DisableAliases()
        // "true" or "8080" meant as text stays text: Compose 1.x refuses a boolean where it wants a string.
        .WithQuotingNecessaryStrings()
        .Build();

    public static async Task WriteAsync(
        string directory,
        string projectName,
        ComposeFile file,
        IEnumerable<ComposeParameter> parameters,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var compose = "# Written by `aspire publish`; the values come from .env (start from .env.example).\n" + Yaml.Serialize(file);
        await File.WriteAllTextAsync(Path.Combine(directory, ComposeFileName), compose, cancellationToken);
        await File.WriteAllTextAsync(
            Path.Combine(directory, EnvironmentExampleFileName),
            EnvironmentExample(projectName, parameters),
            cancellationToken);
    }

    private static string EnvironmentExample(string projectName, IEnumerable<ComposeParameter> parameters)
    {
        // The project name prefixes containers, networks and volumes; it lives here rather than in the file's
        // top-level "name", which docker-compose 1.x (Debian's) refuses.
        var text = new StringBuilder()
            .Append("# Every value the deployment reads. Copy this file to .env beside docker-compose.yaml and fill in\n")
            .Append("# each empty one; .env holds secrets, so keep it out of version control. Passwords go into\n")
            .Append("# connection strings: choose long ones of letters and digits.\n")
            .Append("\nCOMPOSE_PROJECT_NAME=").Append(projectName).Append('\n');
        foreach (var parameter in parameters)
        {
            text.Append('\n')
                .Append("# ")
                .Append(parameter.Name)
                .Append(parameter.Secret ? " (secret)" : "")
                .Append(parameter.DefaultValue is null ? ", required" : "")
                .Append('\n')
                .Append(parameter.Variable)
                .Append('=')
                .Append(parameter.DefaultValue)
                .Append('\n');
        }

        return text.ToString();
    }
}
