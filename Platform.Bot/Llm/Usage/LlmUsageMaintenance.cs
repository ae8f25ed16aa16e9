using Npgsql;
using Platform.Data.Llm;

namespace Platform.Bot.Llm.Usage;

/// <summary>
/// Keeps llm_usage ready and trim: reads the prices as the bot starts, then every few hours creates
/// the coming months' partitions and drops those past the retention. Several bot processes may do
/// this at once; creating is serialised in the database and dropping twice drops nothing.
/// </summary>
public sealed partial class LlmUsageMaintenance(
    NpgsqlDataSource dataSource,
    LlmPrices prices,
    LlmSettings settings,
    TimeProvider time,
    ILogger<LlmUsageMaintenance> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await prices.RefreshAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
            {
                LogFailed(error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        await LlmUsagePartitions.EnsureAheadAsync(connection, now, monthsAhead: 2, cancellationToken);
        if (settings.UsageRetentionMonths > 0)
        {
            foreach (var month in await LlmUsagePartitions.DropExpiredAsync(connection, now, settings.UsageRetentionMonths, cancellationToken))
            {
                LogDropped(month);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped the LLM usage rows of {Month:yyyy-MM}, past the retention; its daily rollups stay")]
    private partial void LogDropped(DateTimeOffset month);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM usage partition upkeep failed; it runs again later")]
    private partial void LogFailed(Exception error);
}
