using Platform.Discord.Gateway;

namespace Platform.Discord.Tests;

public sealed class ShardRoutingTests
{
    // Expected shards computed independently of this code, from Discord's documented formula.
    [Theory]
    [InlineData(41771983423143937UL, 1, 0)]
    [InlineData(41771983423143937UL, 16, 6)]
    [InlineData(290926798626357999UL, 4, 3)]
    public void A_guild_goes_to_the_shard_discords_formula_names(ulong guildId, int totalShards, int expected)
    {
        Assert.Equal(expected, ShardRouting.ShardFor(guildId, totalShards));
    }
}
