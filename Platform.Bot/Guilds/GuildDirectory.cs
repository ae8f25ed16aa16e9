using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Npgsql;
using Platform.Bot.Telemetry;
using Platform.Discord.Gateway;

namespace Platform.Bot.Guilds;

/// <summary>
/// Keeps the <c>guilds</c> table current from GUILD_CREATE, GUILD_UPDATE and GUILD_DELETE. A guild the
/// bot leaves keeps its row, marked as left; a guild that is only unavailable (an outage) is left alone.
/// Writes happen beside the event loop: a slow or absent database holds up no other event, and what
/// could not be written is tried again until it is, the latest event of each guild winning.
/// </summary>
public sealed partial class GuildDirectory(NpgsqlDataSource database, TimeProvider time, ILogger<GuildDirectory> logger) : BackgroundService
{
    /// <summary>
    /// How long a failed write waits before the next, however many events come meanwhile: during a start storm they
    /// come every few milliseconds, and each would otherwise send every process to the database again.
    /// </summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the first change of a burst waits for the rest: a shard's start sends its GUILD_CREATEs over a
    /// second or more, and they go to the database in a few round trips instead of one per handful.
    /// </summary>
    public static readonly TimeSpan GatherTime = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<ulong, GuildChange> pending = new();
    private readonly WakeUp toWrite = new();
    private readonly GuildRowWriter writer = new(database);

    public static bool Handles(string eventName) =>
        eventName is GatewayEventNames.GuildCreate or GatewayEventNames.GuildUpdate or GatewayEventNames.GuildDelete;

    /// <summary>Takes a guild event for writing; a later event of the same guild replaces one not written yet.</summary>
    public void Enqueue(GatewayDispatch dispatch)
    {
        GuildChange change;
        try
        {
            change = GuildChange.Read(dispatch);
        }
        catch (JsonException error)
        {
            LogUnreadable(error, dispatch.Name, dispatch.ShardId);
            return;
        }

        if (change.Unavailable)
        {
            if (change.Row is null)
            {
                LogUnavailable(change.GuildId, change.ShardId);
            }

            return;
        }

        pending.AddOrUpdate(change.GuildId, change, (_, earlier) => change.After(earlier));
        toWrite.Set();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await toWrite.WaitAsync(RetryInterval, stoppingToken);
                await Task.Delay(GatherTime, time, stoppingToken);
                if (!await WritePendingAsync(stoppingToken))
                {
                    await Task.Delay(RetryInterval, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WritePendingAsync(cancellationToken);
    }

    /// <summary>Writes every pending change; false if the database refused, the rest left pending.</summary>
    private async Task<bool> WritePendingAsync(CancellationToken cancellationToken)
    {
        foreach (var batch in pending.Values.Chunk(GuildRowWriter.BatchSize))
        {
            try
            {
                using var activity = BotTelemetry.ActivitySource.StartActivity("guilds write");
                activity?.SetTag("bot.guilds.rows", batch.Length);
                await writer.WriteAsync(batch, time.GetUtcNow(), cancellationToken);
            }
            catch (Exception error) when (error is DbException or TimeoutException)
            {
                LogWriteFailed(error, pending.Count, RetryInterval.TotalSeconds);
                return false;
            }

            BotTelemetry.GuildRowsWritten.Record(batch.Length);
            foreach (var change in batch)
            {
                // A change that came in while this one was written stays, for the next pass.
                pending.TryRemove(KeyValuePair.Create(change.GuildId, change));
                Count(change.Row is null ? "left" : change.Event == GatewayEventNames.GuildCreate ? "create" : "update");
            }
        }

        return true;
    }

    private static void Count(string change) => BotTelemetry.GuildEvents.Add(1, new KeyValuePair<string, object?>("change", change));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store guild changes ({Pending} waiting); trying again in {Seconds} s")]
    private partial void LogWriteFailed(Exception error, int pending, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Event} on shard {ShardId} could not be read; dropped")]
    private partial void LogUnreadable(Exception error, string @event, int shardId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guild {GuildId} on shard {ShardId} is unavailable (an outage, not a departure)")]
    private partial void LogUnavailable(ulong guildId, int shardId);
}
