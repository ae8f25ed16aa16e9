using System.Diagnostics;
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
            new Dictionary<string, string>(environment) { ["DOCKER_HOST"] = Podman.DockerHost }, timeout);

    /// <summary>A command in a service's running container, as <c>docker-compose exec</c> runs it.</summary>
    public Task<ToolResult> ExecAsync(string service, params string[] command) => RunAsync(["exec", "-T", service, .. command]);

    public async Task<string> ContainerAsync(string service) =>
        (await RunAsync("ps", "--quiet", service)).EnsureSuccess().Output.Trim();

    public async Task<JsonElement> InspectAsync(string service) => await Podman.InspectAsync("container", await ContainerAsync(service));

    /// <summary>Brings the project up (a <see cref="HealthcheckPump"/> must run) and waits until every service with a health check is healthy; returns how long that took.</summary>
    public async Task<TimeSpan> UpAsync(params string[] services)
    {
        var clock = Stopwatch.StartNew();
        var up = await RunAsync(HealthyTimeout, ["up", "--detach", "--no-build", .. services]);
        if (up.ExitCode != 0 && up.Error.Contains("/cgroup: no such process", StringComparison.Ordinal))
        {
            // Podman 4.3 sometimes loses a race with a process that ended as it started a container; up again starts what is missing.
            up = await RunAsync(HealthyTimeout, ["up", "--detach", "--no-build", .. services]);
        }

        up.EnsureSuccess();
        await Eventually.TrueAsync(AllHealthyAsync, "every service healthy", HealthyTimeout, TimeSpan.FromSeconds(1));
        return clock.Elapsed;
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
