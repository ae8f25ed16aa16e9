using System.Diagnostics;
using System.Text.Json;

namespace Platform.Deployment.Tests;

/// <summary>
/// The operators' path, once per run: stand-in images, <c>aspire publish</c>, a <c>.env</c> with generated
/// secrets, the images built by docker-compose, and the bundle brought up under Podman with the emulators
/// beside it. Every test here reads or changes this one deployment, and leaves it healthy.
/// </summary>
public sealed class DeploymentFixture : IAsyncLifetime
{
    public static readonly string TestSources = Path.Combine(RepositoryRoot.Path, "tests", "Platform.Deployment.Tests");

    /// <summary>What an operator would choose in <c>.env</c>, here the emulators' application id and addresses.</summary>
    public static readonly IReadOnlyDictionary<string, string> EmulatorChoices = new Dictionary<string, string>
    {
        ["DISCORD_CLIENT_ID"] = "1100000000000000001",
        ["LLM_ENDPOINT"] = "http://llm:8080/v1",
        ["PUBLIC_URL"] = "http://localhost:3000",
    };

    private readonly string root = Directory.CreateTempSubdirectory("deployment-").FullName;
    private HealthcheckPump? pump;
    private HttpClient? discord;

    public ComposeProject Compose { get; private set; } = null!;

    /// <summary>The values written into <c>.env</c> that no image, inspection or log line may show.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; private set; } = null!;

    public GuildOwner Owner { get; private set; } = null!;

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
        var environment = await EnvironmentFile.WriteAsync(directory, EmulatorChoices);
        Secrets = environment.Secrets;
        Compose = WithEmulators(directory, environment.Values["COMPOSE_PROJECT_NAME"]);

        // A run that was cut short leaves its containers and volumes: this one starts cold.
        (await Compose.RunAsync("down", "--volumes", "--remove-orphans")).EnsureSuccess();
        Figures.Build = await TimeAsync(async () => (await Compose.RunAsync(TimeSpan.FromMinutes(20), "build")).EnsureSuccess());
        pump = new HealthcheckPump(Compose.Name);
        Figures.ColdUp = await Compose.UpAsync();
        FirstStates = await Compose.StatesAsync("migrations", "api", "bot", "frontend");
        Figures.MemoryAtRest = await Compose.MemoryAsync();

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

    /// <summary>A bundle's project with the emulators' override file beside it, on a free loopback port for Discord's.</summary>
    public static ComposeProject WithEmulators(string directory, string name)
    {
        File.Copy(Path.Combine(TestSources, "emulators.compose.yaml"), Path.Combine(directory, "emulators.compose.yaml"), overwrite: true);
        return new ComposeProject(directory, name, ["docker-compose.yaml", "emulators.compose.yaml"], EmulatorSettings());
    }

    public async Task DisposeAsync()
    {
        discord?.Dispose();
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

    private async Task ConnectDiscordAsync()
    {
        discord?.Dispose();
        discord = await Compose.DiscordAsync();
        Owner = new GuildOwner(discord);
    }

    private static async Task PublishAsync(string directory) =>
        (await Tool.RunAsync("dotnet",
            ["run", "--project", Path.Combine(RepositoryRoot.Path, "Platform.AppHost"), "--no-build", "--no-launch-profile", "--",
             "--operation", "publish", "--step", "publish-compose", "--output-path", directory])).EnsureSuccess();

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
