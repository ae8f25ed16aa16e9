using System.Diagnostics;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace Platform.AppHost.Tests;

/// <summary>
/// What <c>aspire publish</c> wrote: the AppHost run as an operator runs it (its publish step, in its
/// own process), with the settings and secret parameter values given on its command line.
/// </summary>
public sealed record ComposePublish(string Directory, JsonObject Compose)
{
    public static async Task<ComposePublish> RunAsync(string directory, params string[] settings)
    {
        var project = Projects.Platform_AppHost.ProjectPath;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "run",
                "--project",
                project,
                "--no-build",
                "--no-launch-profile",
                "--",
                "--operation",
                "publish",
                "--step",
                "publish-compose",
                "--output-path",
                directory,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var setting in settings)
        {
            start.ArgumentList.Add($"--{setting}");
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"aspire publish exited with {process.ExitCode}:\n{await output}\n{await errors}");

        return new(directory, ReadYaml(Path.Combine(directory, "docker-compose.yaml")));
    }

    public JsonObject Services => Compose["services"]!.AsObject();

    public JsonObject Service(string name) =>
        Services[name]?.AsObject()
        ?? throw new Xunit.Sdk.XunitException(
            $"No service {name} in {string.Join(", ", Services.Select(s => s.Key))}.");

    public IReadOnlyList<string> Networks(string service) =>
        [.. Service(service)["networks"]?.AsArray().Select(n => n!.GetValue<string>()) ?? []];

    public IReadOnlyDictionary<string, string> Environment(string service) =>
        Service(service)["environment"]?.AsObject().ToDictionary(e => e.Key, e => e.Value!.ToString()) ?? [];

    /// <summary>YAML read with its scalars typed (booleans, numbers), as Compose reads it, then as JSON for the schema.</summary>
    private static JsonObject ReadYaml(string path)
    {
        var yaml = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize(File.ReadAllText(path));
        var json = new SerializerBuilder().JsonCompatible().Build().Serialize(yaml);
        return JsonNode.Parse(json)!.AsObject();
    }
}
