namespace Platform.Discord.Gateway;

/// <summary>Which shard receives a guild's events: <c>(guild_id &gt;&gt; 22) % num_shards</c>. Events with no guild go to shard 0.</summary>
public static class ShardRouting
{
    public static int ShardFor(ulong guildId, int totalShards) => (int)((guildId >> 22) % (ulong)totalShards);
}
