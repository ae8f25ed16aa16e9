using Npgsql;
using Platform.Bot.Telemetry;
using Platform.Data.Llm;

namespace Platform.Bot.Llm.Usage;

/// <summary>
/// Keeps llm_usage ready and trim: reads the prices as the bot starts, then every hour creates the
/// coming months' partitions, drops those past the retention and settles the days that have closed
/// (<see cref="LlmDailyUsageSettling"/>). Several bot processes may do this at once; creating is
/// serialised in the database, dropping twice drops nothing and a day is settled once.
/// </summary>
public sealed partial class LlmUsageMaintenance(
    NpgsqlDataSource dataSource,
    LlmPrices prices,
    LlmSettings settings,
    TimeProvider time,
    ILogger<LlmUsageMaintenance> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

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
        using var activity = BotTelemetry.ActivitySource.StartActivity("llm usage upkeep");
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

        var settled = await LlmDailyUsageSettling.SettleClosedDaysAsync(connection, now, cancellationToken);
        activity?.SetTag("platform.llm.days_settled", settled.Count);
        if (settled.Count > 0)
        {
            LogSettled(settled.Count, settled[^1]);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Dropped the LLM usage rows of {Month:yyyy-MM}, past the retention; its daily rollups stay")]
    private partial void LogDropped(DateTimeOffset month);

    [LoggerMessage(Level = LogLevel.Information, Message = "Settled the LLM usage rollups of {Days} closed day(s), up to {Day:yyyy-MM-dd}")]
    private partial void LogSettled(int days, DateOnly day);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM usage upkeep failed; it runs again within the hour")]
    private partial void LogFailed(Exception error);
}
