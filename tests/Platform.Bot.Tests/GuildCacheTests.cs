using Platform.Modules.State;

namespace Platform.Bot.Tests;

public sealed class GuildCacheTests
{
    [Fact]
    public async Task A_cache_keeps_at_most_its_capacity_and_the_guilds_in_use_stay()
    {
        using var cache = new GuildCache<ulong>("test", TimeProvider.System, capacity: 100);
        var loads = new Dictionary<ulong, int>();
        Task<ulong> Load(ulong id)
        {
            lock (loads)
            {
                loads[id] = loads.GetValueOrDefault(id) + 1;
            }

            return Task.FromResult(id);
        }

        for (ulong id = 1; id <= 2_000; id++)
        {
            Assert.Equal(id, await cache.GetAsync(id, Load, CancellationToken.None));
            // Guild 0 is the busy one: used between every other.
            await cache.GetAsync(0, Load, CancellationToken.None);
        }

        await Eventually.TrueAsync(() => Task.FromResult(cache.Count <= cache.Capacity), "the cache compacted to its capacity");
        Assert.InRange(loads[0], 1, 20);
        Assert.Equal(2_001, loads.Count);
    }

    [Fact]
    public async Task A_guild_invalidated_while_it_is_read_is_read_again_not_kept_stale()
    {
        using var cache = new GuildCache<string>("test", TimeProvider.System);
        var reading = new TaskCompletionSource<string>();
        var first = cache.GetAsync(1, _ => reading.Task, CancellationToken.None);

        cache.Invalidate(1);
        reading.SetResult("before the change");

        Assert.Equal("before the change", await first);
        Assert.Equal("after the change", await cache.GetAsync(1, _ => Task.FromResult("after the change"), CancellationToken.None));
    }

    [Fact]
    public async Task Callers_asking_at_the_same_moment_share_one_read_and_a_failed_read_is_not_kept()
    {
        using var cache = new GuildCache<string>("test", TimeProvider.System);
        var reading = new TaskCompletionSource<string>();
        var reads = 0;
        Task<string> Load(ulong _)
        {
            Interlocked.Increment(ref reads);
            return reading.Task;
        }

        var callers = Enumerable.Range(0, 10).Select(_ => cache.GetAsync(1, Load, CancellationToken.None)).ToList();
        reading.SetException(new TimeoutException("the database blinked"));

        foreach (var caller in callers)
        {
            await Assert.ThrowsAsync<TimeoutException>(() => caller);
        }

        Assert.Equal(1, reads);
        Assert.Equal("read again", await cache.GetAsync(1, _ => Task.FromResult("read again"), CancellationToken.None));
    }
}
