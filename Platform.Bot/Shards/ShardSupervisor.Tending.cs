using Platform.Bot.Telemetry;
using Platform.Discord.Gateway;

namespace Platform.Bot.Shards;

/// <summary>The supervisor's loop: renews the leases, follows the <see cref="ShardPlan"/>, and keeps the sessions.</summary>
public sealed partial class ShardSupervisor
{
    /// <summary>Time kept back to close the shards' connections before a lease may lapse.</summary>
    private TimeSpan FenceMargin => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, options.ShardLeaseDuration.Ticks / 5));

    /// <summary>
    /// Once a second (or a third of the lease, if shorter). A lease that could not be renewed by
    /// <see cref="FenceMargin"/> before it may expire is as good as lost: the shards stop then, before another process
    /// can take them, whether Redis refused the renewal or never answered it.
    /// </summary>
    private async Task TendAsync(DiscordGatewayClient gateway, DateTimeOffset heldUntil, CancellationToken cancellationToken)
    {
        var tick = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, options.ShardLeaseDuration.Ticks / 3));
        var nextTick = time.GetUtcNow() + tick;
        try
        {
            while (true)
            {
                var fenceAt = heldUntil - FenceMargin;
                var wait = (nextTick < fenceAt ? nextTick : fenceAt) - time.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, cancellationToken);
                if (time.GetUtcNow() >= fenceAt)
                {
                    await FenceAsync(gateway, "could not be renewed in time");
                    return;
                }

                var sentAt = time.GetUtcNow();
                nextTick = sentAt + tick;
                try
                {
                    if (!await leases.RenewAsync(Leased()).WaitAsync(fenceAt - sentAt, time, cancellationToken))
                    {
                        await FenceAsync(gateway, "is held by another process");
                        return;
                    }

                    heldUntil = sentAt + options.ShardLeaseDuration;
                }
                catch (Exception error) when (RedisFailure.Is(error) || error is TimeoutException)
                {
                    LogRenewFailed(error, fenceAt);
                    continue;
                }

                // Beside the loop, never awaited by it: a Redis that stops answering mid-plan must not hold up the fence.
                if (planning.IsCompleted)
                {
                    planning = FollowPlanAsync(gateway);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task FollowPlanAsync(DiscordGatewayClient gateway)
    {
        try
        {
            await ChangeShardsAsync(gateway);
            await handovers.KeepAsync(gateway.Shards);
        }
        catch (Exception error)
        {
            // Whatever went wrong, the next tick plans again; the leases are renewed either way.
            LogPlanFailed(error);
        }
    }

    private async Task ChangeShardsAsync(DiscordGatewayClient gateway)
    {
        await leases.ClaimHomeAsync(homeShards);
        var holders = await leases.ReadAsync(gateway.TotalShards);
        var plan = ShardPlan.For(leases.Owner, holders, Leased().ToHashSet(), mayAdopt: time.GetUtcNow() - startedAt >= options.ShardLeaseDuration);
        foreach (var shardId in plan.GiveBack)
        {
            var handover = await gateway.RemoveShardAsync(shardId);
            lock (leased)
            {
                leased.Remove(shardId);
            }

            handovers.Forget(shardId);
            if (handover is not null)
            {
                await handovers.HandOverAsync(handover);
            }

            await leases.ReleaseAsync([shardId]);
            LogHandedBack(shardId, holders[shardId].Home);
            BotTelemetry.ShardsMoved.Add(1, new KeyValuePair<string, object?>("bot.shard.move", "handed_back"));
        }

        foreach (var shardId in plan.Take)
        {
            var handover = await handovers.ReadAsync(shardId);
            if (!(await leases.TakeAsync([shardId]))[0])
            {
                continue;
            }

            lock (leased)
            {
                leased.Add(shardId);
            }

            gateway.AddShard(shardId, handover);
            var move = holders[shardId].Home is null ? "adopted" : "taken_home";
            LogTaken(shardId, move, handover is not null);
            BotTelemetry.ShardsMoved.Add(1, new("bot.shard.move", move), new("bot.shard.resumed", handover is not null));
        }
    }

    private int[] Leased()
    {
        lock (leased)
        {
            return [.. leased];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew shard leases; trying again until {FenceAt:O}, when the shards stop")]
    private partial void LogRenewFailed(Exception error, DateTimeOffset fenceAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not take or hand back shards, or keep their sessions; trying again")]
    private partial void LogPlanFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId} handed back to its home process {Home}")]
    private partial void LogHandedBack(int shardId, string? home);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId} {Move}; resuming its last session: {Resuming}")]
    private partial void LogTaken(int shardId, string move, bool resuming);
}
