using Platform.Bot.Shards;

namespace Platform.Bot.Tests;

public sealed class ShardPlanTests
{
    [Fact]
    public void A_free_shard_of_this_process_s_home_is_taken_and_one_held_elsewhere_is_left_alone()
    {
        var plan = ShardPlan.For("a", [new(0, null, "a"), new(1, "b", "a"), new(2, "b", "b")], new HashSet<int>(), mayAdopt: true);

        Assert.Equal([0], plan.Take);
        Assert.Empty(plan.GiveBack);
    }

    [Fact]
    public void An_adopted_shard_goes_back_once_its_home_process_claims_it()
    {
        var plan = ShardPlan.For("a", [new(0, "a", "a"), new(1, "a", null), new(2, "a", "b")], new HashSet<int> { 0, 1, 2 }, mayAdopt: true);

        Assert.Equal([2], plan.GiveBack);
        Assert.Empty(plan.Take);
    }

    [Fact]
    public void Orphans_are_dealt_round_the_live_processes_so_each_takes_its_share()
    {
        ShardHolders[] holders = [new(0, "a", "a"), new(1, "b", "b"), new(2, null, null), new(3, null, null), new(4, null, null), new(5, null, null)];

        var forA = ShardPlan.For("a", holders, new HashSet<int> { 0 }, mayAdopt: true);
        var forB = ShardPlan.For("b", holders, new HashSet<int> { 1 }, mayAdopt: true);

        Assert.Equal([2, 4], forA.Take);
        Assert.Equal([3, 5], forB.Take);
    }

    [Fact]
    public void A_process_just_started_adopts_nothing_so_that_its_peers_claim_their_homes_first()
    {
        var plan = ShardPlan.For("a", [new(0, null, "a"), new(1, null, null)], new HashSet<int>(), mayAdopt: false);

        Assert.Equal([0], plan.Take);
    }
}
