using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Platform.Deployment.Tests;

/// <summary>A published bundle as an operator drives it with Debian's docker-compose, plus the test's override file.</summary>
public sealed class ComposeProject(string directory, string name, IReadOnlyList<string> files, IReadOnlyDictionary<string, string> environment)
{
    private static readonly TimeSpan HealthyTimeout = TimeSpan.FromMinutes(4);

    public string Directory { get; } = directory;

    public string Name { get; } = name;

    public Task<ToolResult> RunAsync(params string[] arguments) => RunAsync(TimeSpan.FromMinutes(5), arguments);

    public Task<ToolResult> RunAsync(TimeSpan timeout, params string[] arguments) =>
        Tool.RunAsync("docker-compose", [.. files.SelectMany(file => new[] { "--file", file }), .. arguments], Directory,
            new Dictionary<string, string>(environment) { ["DOCKER_HOST"] = Podman.DockerHost, ["COMPOSE_PROJECT_NAME"] = Name }, timeout);

    /// <summary>A command in a service's running container, as <c>docker-compose exec</c> runs it.</summary>
    public Task<ToolResult> ExecAsync(string service, params string[] command) => RunAsync(["exec", "-T", service, .. command]);

    /// <summary>A query run by psql inside the postgres container, with the password it has in its environment.</summary>
    public async Task<string> SqlAsync(string sql) =>
        (await ExecAsync("postgres", "sh", "-c", $"PGPASSWORD=\"$POSTGRES_PASSWORD\" psql -U postgres -d platformdb -tAc \"{sql}\""))
            .EnsureSuccess().Output.Trim();

    /// <summary>The logins connected to the platform's database, other than the one asking.</summary>
    public Task<string> LoginsAsync() =>
        SqlAsync(
            "SELECT string_agg(DISTINCT usename::text, ' ' ORDER BY usename::text) FROM pg_stat_activity WHERE " +
            "datname = 'platformdb' AND pid <> pg_backend_pid()");

    /// <summary>A command run by redis-cli inside the redis container, with the password it has in its environment.</summary>
    public async Task<string> RedisAsync(string command) =>
        (await ExecAsync("redis", "sh", "-c", $"redis-cli -a \"$REDIS_PASSWORD\" --no-auth-warning {command}")).EnsureSuccess().Output.Trim();

    /// <summary>
    /// The Discord emulator's control API, on the loopback port Podman gave it this time (its world's ids are seeded,
    /// so they stay).
    /// </summary>
    public async Task<HttpClient> DiscordAsync()
    {
        var port = (await RunAsync("port", "discord", "8080")).EnsureSuccess().Output.Trim().Split(':')[^1];
        return new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public async Task<string> ContainerAsync(string service) =>
        (await RunAsync("ps", "--quiet", service)).EnsureSuccess().Output.Trim();

    public async Task<JsonElement> InspectAsync(string service) => await Podman.InspectAsync("container", await ContainerAsync(service));

    /// <summary>Each service's container state (<c>podman inspect</c>): when it started and ended, and how.</summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> StatesAsync(params string[] services)
    {
        var states = new Dictionary<string, JsonElement>();
        foreach (var service in services)
        {
            states[service] = (await InspectAsync(service)).GetProperty("State");
        }

        return states;
    }

    /// <summary>Each running service's memory: the cgroup's usage as <c>podman stats</c> reports it, and its processes' PSS.</summary>
    public async Task<IReadOnlyDictionary<string, string>> MemoryAsync()
    {
        var stats = (await Podman.RunAsync("stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}}")).EnsureSuccess();
        var memory = new Dictionary<string, string>();
        var mine = stats.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts[0].StartsWith($"{Name}_", StringComparison.Ordinal));
        foreach (var parts in mine)
        {
            var state = (await Podman.InspectAsync("container", parts[0])).GetProperty("State");
            if (state.GetProperty("Status").GetString() == "running")
            {
                var pss = ProcessMemory.ProportionalMegabytes(state.GetProperty("Pid").GetInt32());
                memory[parts[0]] = string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{parts[1].Split('/')[0].Trim()} (podman stats), {pss:0.0} MB (PSS)");
            }
        }

        return memory;
    }

    /// <summary>This project, its containers and volumes, driven from another bundle's directory, as an upgrade does.</summary>
    public ComposeProject From(string bundle) => new(bundle, Name, files, environment);

    /// <summary>
    /// Brings the project up (a <see cref="HealthcheckPump"/> must run) and waits until every service with a health
    /// check is healthy; returns how long that took.
    /// </summary>
    public async Task<TimeSpan> UpAsync(params string[] services)
    {
        var clock = Stopwatch.StartNew();
        var up = await RunAsync(HealthyTimeout, ["up", "--detach", "--no-build", .. services]);
        if (up.ExitCode != 0 && up.Error.Contains("/cgroup: no such process", StringComparison.Ordinal))
        {
            // Podman 4.3 sometimes loses a race with a process that ended as it started a container; up again starts what is missing.
            up = await RunAsync(HealthyTimeout, ["up", "--detach", "--no-build", .. services]);
        }

        up.EnsureSuccess(up.ExitCode == 0 ? null : await FailuresAsync());
        await Eventually.TrueAsync(AllHealthyAsync, "every service healthy", HealthyTimeout, TimeSpan.FromSeconds(1));
        return clock.Elapsed;
    }

    /// <summary>The last lines of each container that exited with an error: what an operator reads first when <c>up</c> fails.</summary>
    private async Task<string> FailuresAsync()
    {
        var report = new StringBuilder();
        foreach (var id in (await RunAsync("ps", "--all", "--quiet")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var container = await Podman.InspectAsync("container", id);
            var state = container.GetProperty("State");
            if (state.GetProperty("Status").GetString() == "exited" && state.GetProperty("ExitCode").GetInt32() is var code and not 0)
            {
                var logs = await Podman.RunAsync("logs", "--tail", "60", id);
                report
                    .AppendLine($"--- {container.GetProperty("Name").GetString()} exited with {code}:")
                    .AppendLine(logs.Output)
                    .AppendLine(logs.Error);
            }
        }

        return report.ToString();
    }

    public async Task<bool> AllHealthyAsync()
    {
        var ids = (await RunAsync("ps", "--quiet")).EnsureSuccess().Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var id in ids)
        {
            var state = (await Podman.InspectAsync("container", id)).GetProperty("State");
            var health = state.TryGetProperty("Health", out var h) ? h.GetProperty("Status").GetString() : null;
            var oneShotDone = state.GetProperty("Status").GetString() == "exited" && state.GetProperty("ExitCode").GetInt32() == 0;
            if (!oneShotDone && (state.GetProperty("Status").GetString() != "running" || health is not (null or "" or "healthy")))
            {
                return false;
            }
        }

        return ids.Length > 0;
    }
}
