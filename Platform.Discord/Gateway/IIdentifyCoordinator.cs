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

    /// <summary>
    /// The IDENTIFY <paramref name="shardId"/> was allowed has left: the bucket's interval runs from now, however long
    /// the send took. A process's first IDENTIFY can take hundreds of milliseconds between permission and wire (its
    /// serialization and sending code is compiled then), and counted from the permission the next one would arrive
    /// too soon.
    /// </summary>
    ValueTask IdentifySentAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken);
}
