using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Discord.Gateway;

namespace Platform.Bot.Shards;

/// <summary>Healthy when every shard this process runs is ready; degraded while any reconnects; unhealthy on a fatal close.</summary>
public sealed class GatewayHealthCheck(ShardSupervisor supervisor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var shards = supervisor.Shards.Select(shard => shard.Status).ToList();
        var summary = string.Join(", ", shards.Select(s => $"{s.ShardId}: {s.State}"));

        return Task.FromResult(shards switch
        {
            [] => HealthCheckResult.Unhealthy("No shard has started yet."),
            _ when shards.FirstOrDefault(s => s.State == ShardState.Fatal) is { } fatal => HealthCheckResult.Unhealthy(fatal.FatalReason),
            _ when shards.All(s => s.State == ShardState.Ready) => HealthCheckResult.Healthy(summary),
            _ => HealthCheckResult.Degraded(summary),
        });
    }
}
