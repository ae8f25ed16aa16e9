using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace Platform.Deployment.Tests;

/// <summary>
/// The operators' path, once per run: stand-in images, <c>aspire publish</c>, a <c>.env</c> with generated
/// secrets, the images built by docker-compose, and the bundle brought up under Podman with the emulators
/// beside it. Every test here reads or changes this one deployment, and leaves it healthy.
/// </summary>
public sealed class DeploymentFixture : IAsyncLifetime
{
    private const string EmulatedApplicationId = "1100000000000000001";
    private static readonly string TestSources = Path.Combine(RepositoryRoot.Path, "tests", "Platform.Deployment.Tests");
    private readonly string root = Directory.CreateTempSubdirectory("deployment-").FullName;
    private HealthcheckPump? pump;

    public ComposeProject Compose { get; private set; } = null!;

    /// <summary>The values written into <c>.env</c> that no image, inspection or log line may show.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; private set; } = null!;

    public HttpClient Discord { get; private set; } = null!;

    public DeploymentFigures Figures { get; } = new();

    /// <summary>The containers' states just after the first <c>up</c>: when migrations ended and the others started.</summary>
    public IReadOnlyDictionary<string, JsonElement> FirstStates { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Podman.EnsureServiceAsync();
        Figures.StandInImages = await TimeAsync(async () => (await Tool.RunAsync(
            Path.Combine(RepositoryRoot.Path, "tests", "StandInImages", "build.sh"), [], timeout: TimeSpan.FromMinutes(15))).EnsureSuccess());

        var directory = Path.Combine(root, "bundle");
        Figures.Publish = await TimeAsync(() => PublishAsync(directory));
        var environment = await WriteEnvironmentAsync(directory);
        File.Copy(Path.Combine(TestSources, "emulators.compose.yaml"), Path.Combine(directory, "emulators.compose.yaml"));
        Compose = new ComposeProject(directory, environment["COMPOSE_PROJECT_NAME"], ["docker-compose.yaml", "emulators.compose.yaml"], EmulatorSettings());

        // A run that was cut short leaves its containers and volumes: this one starts cold.
        (await Compose.RunAsync("down", "--volumes", "--remove-orphans")).EnsureSuccess();
        Figures.Build = await TimeAsync(async () => (await Compose.RunAsync(TimeSpan.FromMinutes(20), "build")).EnsureSuccess());
        pump = new HealthcheckPump(Compose.Name);
        Figures.ColdUp = await Compose.UpAsync();
        FirstStates = await StatesAsync("migrations", "api", "bot", "frontend");
        Figures.MemoryAtRest = await MemoryAsync();

        await ConnectDiscordAsync();
    }

    /// <summary><c>down</c> then <c>up</c>, as an operator restarts the deployment; returns the time to all healthy.</summary>
    public async Task<TimeSpan> DownThenUpAsync()
    {
        (await Compose.RunAsync("down")).EnsureSuccess();
        var up = await Compose.UpAsync();
        await ConnectDiscordAsync();
        return up;
    }

    public async Task DisposeAsync()
    {
        Discord?.Dispose();
        if (pump is not null)
        {
            await pump.DisposeAsync();
        }

        await Figures.WriteAsync(Path.Combine(RepositoryRoot.Path, ".test-results", "deployment-figures.txt"));
        // Null when the set-up failed before the bundle was published.
        if (Compose is not null)
        {
            await Compose.RunAsync("down", "--volumes", "--remove-orphans");
        }

        Directory.Delete(root, recursive: true);
    }

    public async Task<IReadOnlyDictionary<string, JsonElement>> StatesAsync(params string[] services)
    {
        var states = new Dictionary<string, JsonElement>();
        foreach (var service in services)
        {
            states[service] = (await Compose.InspectAsync(service)).GetProperty("State");
        }

        return states;
    }

    /// <summary>A query run by psql inside the postgres container, with the password it has in its environment.</summary>
    public async Task<string> SqlAsync(string sql) =>
        (await Compose.ExecAsync("postgres", "sh", "-c", $"PGPASSWORD=\"$POSTGRES_PASSWORD\" psql -U postgres -d platformdb -tAc \"{sql}\""))
            .EnsureSuccess().Output.Trim();

    /// <summary>A command run by redis-cli inside the redis container, with the password it has in its environment.</summary>
    public async Task<string> RedisAsync(string command) =>
        (await Compose.ExecAsync("redis", "sh", "-c", $"redis-cli -a \"$REDIS_PASSWORD\" --no-auth-warning {command}")).EnsureSuccess().Output.Trim();

    /// <summary>Each running service's resident memory, as <c>podman stats</c> reports it.</summary>
    public async Task<IReadOnlyDictionary<string, string>> MemoryAsync()
    {
        var stats = (await Podman.RunAsync("stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}}")).EnsureSuccess();
        return stats.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts[0].StartsWith($"{Compose.Name}_", StringComparison.Ordinal))
            .ToDictionary(parts => parts[0], parts => parts[1].Split('/')[0].Trim());
    }

    /// <summary>The emulator's control API, on the loopback port Podman gave it this time (its world's ids are seeded, so they stay).</summary>
    private async Task ConnectDiscordAsync()
    {
        var port = (await Compose.RunAsync("port", "discord", "8080")).EnsureSuccess().Output.Trim().Split(':')[^1];
        Discord?.Dispose();
        Discord = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    private static async Task PublishAsync(string directory) =>
        (await Tool.RunAsync("dotnet",
            ["run", "--project", Path.Combine(RepositoryRoot.Path, "Platform.AppHost"), "--no-build", "--no-launch-profile", "--",
             "--operation", "publish", "--step", "publish-compose", "--output-path", directory])).EnsureSuccess();

    /// <summary>
    /// .env as an operator writes it from .env.example: a generated value for every secret it marks, whatever
    /// secrets the bundle has, and the emulators' ids and addresses.
    /// </summary>
    private async Task<Dictionary<string, string>> WriteEnvironmentAsync(string directory)
    {
        var values = new Dictionary<string, string>
        {
            ["DISCORD_CLIENT_ID"] = EmulatedApplicationId,
            ["LLM_ENDPOINT"] = "http://llm:8080/v1",
            ["PUBLIC_URL"] = "http://localhost:3000",
        };
        var secrets = new Dictionary<string, string>();
        var example = await File.ReadAllLinesAsync(Path.Combine(directory, ".env.example"));
        var lines = example.Select((line, index) =>
        {
            if (line.StartsWith('#') || line.Split('=', 2) is not [var key, ""])
            {
                return line;
            }

            if (index > 0 && example[index - 1].Contains("(secret)", StringComparison.Ordinal))
            {
                return $"{key}={secrets[key] = Generated()}";
            }

            return values.TryGetValue(key, out var value) ? $"{key}={value}" : line;
        }).ToList();
        Secrets = secrets;
        await File.WriteAllLinesAsync(Path.Combine(directory, ".env"), lines);
        return lines.Where(line => line.Contains('=') && !line.StartsWith('#')).ToDictionary(line => line.Split('=', 2)[0], line => line.Split('=', 2)[1]);
    }

    /// <summary>What the override file reads besides .env: the emulators' builds, and a free loopback port for Discord's.</summary>
    private static Dictionary<string, string> EmulatorSettings()
    {
        // This test's own build configuration (bin/<configuration>/net10.0), which built the emulators too.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        string Build(string project) => Path.Combine(RepositoryRoot.Path, project, "bin", configuration, "net10.0");
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return new()
        {
            ["DISCORD_EMULATOR_DIRECTORY"] = Build("Platform.DiscordEmulator"),
            ["LLM_EMULATOR_DIRECTORY"] = Build("Platform.LlmEmulator"),
            ["DISCORD_EMULATOR_PORT"] = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static string Generated() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);

    private static async Task<TimeSpan> TimeAsync(Func<Task> step)
    {
        var clock = Stopwatch.StartNew();
        await step();
        return clock.Elapsed;
    }
}

[CollectionDefinition(Name)]
public sealed class DeploymentCollection : ICollectionFixture<DeploymentFixture>
{
    public const string Name = "deployment";
}
