namespace Platform.Discord.Gateway;

/// <summary>
/// Paces IDENTIFYs: Discord allows one per <c>shard_id % max_concurrency</c> bucket every five
/// seconds, across every process of the bot. Implement this over shared storage when shards run
/// in several processes.
/// </summary>
public interface IIdentifyCoordinator
{
    /// <summary>Completes when <paramref name="shardId"/> may send IDENTIFY, and counts that IDENTIFY as sent.</summary>
    ValueTask WaitToIdentifyAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken);
}
