namespace Platform.Deployment.Tests;

/// <summary>
/// Podman runs health checks from systemd timers, and this machine has no systemd: without this, a health check
/// stays "starting" and Compose waits forever on <c>service_healthy</c>. It runs every container's check as
/// the timer would, every couple of seconds, until disposed.
/// </summary>
public sealed class HealthcheckPump : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task running;

    public HealthcheckPump(string project) => running = RunAsync(project, stopping.Token);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await running;
        stopping.Dispose();
    }

    private static async Task RunAsync(string project, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var running = await Podman.RunAsync(
                "ps",
                "--quiet",
                "--filter",
                $"label=com.docker.compose.project={project}",
                "--filter",
                "status=running");
            var checks = running
                .Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(container => Podman.RunAsync("healthcheck", "run", container));
            await Task.WhenAll(checks);
            try
            {
                await Task.Delay(Interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
