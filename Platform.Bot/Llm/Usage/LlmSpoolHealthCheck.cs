using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Bot.Llm.Usage;

/// <summary>
/// Unhealthy when the spool cannot be written: then an outage of Postgres would lose usage records, so
/// the bot says so at once (a container whose user cannot write the directory never turns healthy).
/// </summary>
public sealed class LlmSpoolHealthCheck(LlmSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(settings.SpoolDirectory, $".probe-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(settings.SpoolDirectory);
            await File.WriteAllTextAsync(probe, "", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy(settings.SpoolDirectory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"The LLM usage spool {settings.SpoolDirectory} cannot be written: {exception.Message}");
        }
    }
}
