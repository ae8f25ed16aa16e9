namespace Platform.Bot.Shards;

/// <summary>
/// What one process should change in the shards it runs, decided from who holds each lease and whose home each
/// shard is. The rules, the same in every process so that they agree without talking:
/// <list type="bullet">
/// <item>a free shard whose home is this process is taken;</item>
/// <item>a shard this process runs whose home is another live process is handed back to it;</item>
/// <item>a free shard with no home (its process died, or none was started for it) is an orphan: the orphans are
/// dealt round the live processes in owner order, and each takes its own, so a dead process's shards spread
/// over the others instead of all going to the quickest;</item>
/// <item>a process adopts orphans only once it has run for a lease's length, so that peers starting beside it
/// have claimed their homes first.</item>
/// </list>
/// </summary>
public sealed record ShardPlan(IReadOnlyList<int> Take, IReadOnlyList<int> GiveBack)
{
    public static ShardPlan For(string me, IReadOnlyList<ShardHolders> holders, IReadOnlySet<int> running, bool mayAdopt)
    {
        var take = new List<int>();
        var giveBack = new List<int>();
        var orphans = new List<int>();
        foreach (var shard in holders)
        {
            if (running.Contains(shard.ShardId))
            {
                if (shard.Home is { } home && home != me)
                {
                    giveBack.Add(shard.ShardId);
                }
            }
            else if (shard.Lease is null && shard.Home == me)
            {
                take.Add(shard.ShardId);
            }
            else if (shard.Lease is null && shard.Home is null)
            {
                orphans.Add(shard.ShardId);
            }
        }

        if (mayAdopt && orphans.Count > 0)
        {
            var live = holders.SelectMany(h => new[] { h.Lease, h.Home }).OfType<string>().Append(me)
                .Distinct().Order(StringComparer.Ordinal).ToList();
            var myTurn = live.IndexOf(me);
            take.AddRange(orphans.Where((_, i) => i % live.Count == myTurn));
        }

        return new(take, giveBack);
    }
}
