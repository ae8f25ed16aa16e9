namespace Platform.DiscordEmulator.Gateway;

/// <summary>
/// How many connections run each shard at once, and the most there ever were. Discord would deliver a
/// shard's events to each of them, so a bot that runs a shard twice answers everything twice: a test
/// of shard handover reads <see cref="Most"/> and expects 1.
/// </summary>
public sealed class ShardOccupancy
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, (int Now, int Most)> shards = [];

    public void Enter(int shardId)
    {
        lock (gate)
        {
            var (now, most) = shards.GetValueOrDefault(shardId);
            shards[shardId] = (now + 1, Math.Max(most, now + 1));
        }
    }

    public void Leave(int shardId)
    {
        lock (gate)
        {
            var (now, most) = shards.GetValueOrDefault(shardId);
            shards[shardId] = (Math.Max(0, now - 1), most);
        }
    }

    /// <summary>Per shard, the most connections that ran it at the same time.</summary>
    public IReadOnlyDictionary<int, int> Most
    {
        get
        {
            lock (gate)
            {
                return shards.ToDictionary(s => s.Key, s => s.Value.Most);
            }
        }
    }
}
