using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Discord.Gateway;

namespace Platform.Bot.Shards;

/// <summary>
/// Healthy when every shard this process runs is ready (or it runs none, standing by); degraded while any
/// reconnects; unhealthy on a fatal close.
/// </summary>
public sealed class GatewayHealthCheck(ShardSupervisor supervisor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var shards = supervisor.Shards.Select(shard => shard.Status).ToList();
        var summary = string.Join(", ", shards.Select(s => $"{s.ShardId}: {s.State}"));

        return Task.FromResult(shards switch
        {
            [] when supervisor.Gateway is null => HealthCheckResult.Unhealthy("No shard has started yet."),
            // A spare: every shard runs elsewhere, and this process takes over the ones that are left.
            [] => HealthCheckResult.Healthy("Standing by: every shard runs in another process."),
            _ when shards.FirstOrDefault(s => s.State == ShardState.Fatal) is { } fatal => HealthCheckResult.Unhealthy(fatal.FatalReason),
            _ when shards.All(s => s.State == ShardState.Ready) => HealthCheckResult.Healthy(summary),
            _ => HealthCheckResult.Degraded(summary),
        });
    }
}
