using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Bot.Telemetry;
using Platform.Data;
using Platform.Discord.Gateway;

namespace Platform.Bot.Guilds;

/// <summary>
/// Keeps the <c>guilds</c> table current from GUILD_CREATE, GUILD_UPDATE and GUILD_DELETE. A guild the
/// bot leaves keeps its row, marked as left; a guild that is only unavailable (an outage) is left alone.
/// Writes happen beside the event loop: a slow or absent database holds up no other event, and what
/// could not be written is tried again until it is, the latest event of each guild winning.
/// </summary>
public sealed partial class GuildDirectory(IServiceScopeFactory scopes, TimeProvider time, ILogger<GuildDirectory> logger) : BackgroundService
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<ulong, GuildChange> pending = new();
    private readonly WakeUp toWrite = new();

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

        pending[change.GuildId] = change;
        toWrite.Set();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await toWrite.WaitAsync(RetryInterval, stoppingToken);
                await WritePendingAsync(stoppingToken);
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

    private async Task WritePendingAsync(CancellationToken cancellationToken)
    {
        foreach (var (guildId, change) in pending)
        {
            try
            {
                await WriteAsync(change, cancellationToken);
            }
            catch (Exception error) when (error is DbException or DbUpdateException or RetryLimitExceededException or TimeoutException)
            {
                LogWriteFailed(error, pending.Count, RetryInterval.TotalSeconds);
                return;
            }

            pending.TryRemove(KeyValuePair.Create(guildId, change));
        }
    }

    private async Task WriteAsync(GuildChange change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = time.GetUtcNow();
        if (change.Row is not { } guild)
        {
            await db.Guilds.Where(g => g.Id == (long)change.GuildId)
                .ExecuteUpdateAsync(set => set.SetProperty(g => g.LeftAt, now).SetProperty(g => g.UpdatedAt, now), cancellationToken);
            Count("left");
            return;
        }

        // One statement, so a guild's first GUILD_CREATE and its later ones need no read first.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO guilds (id, name, icon_hash, owner_id, member_count, shard_id, joined_at, left_at, updated_at)
            VALUES ({(long)change.GuildId}, {guild.Name}, {guild.Icon}, {(long)guild.OwnerId}, {guild.MemberCount
                ?? 0}, {change.ShardId}, {now}, NULL, {now})
            ON CONFLICT (id) DO UPDATE SET
                name = excluded.name, icon_hash = excluded.icon_hash, owner_id = excluded.owner_id,
                member_count = COALESCE({guild.MemberCount}, guilds.member_count), shard_id = excluded.shard_id,
                joined_at = CASE WHEN guilds.left_at IS NULL THEN guilds.joined_at ELSE excluded.joined_at END,
                left_at = NULL, updated_at = excluded.updated_at
            """, cancellationToken);
        Count(change.Event == GatewayEventNames.GuildCreate ? "create" : "update");
    }

    private static void Count(string change) => BotTelemetry.GuildEvents.Add(1, new KeyValuePair<string, object?>("change", change));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store guild changes ({Pending} waiting); trying again in {Seconds} s")]
    private partial void LogWriteFailed(Exception error, int pending, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Event} on shard {ShardId} could not be read; dropped")]
    private partial void LogUnreadable(Exception error, string @event, int shardId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guild {GuildId} on shard {ShardId} is unavailable (an outage, not a departure)")]
    private partial void LogUnavailable(ulong guildId, int shardId);
}
