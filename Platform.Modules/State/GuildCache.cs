using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Platform.Modules.State;

/// <summary>
/// A per-guild copy of something read from the database: read once however many callers ask at the same moment,
/// dropped when the api says it changed (over Redis), and expired after <see cref="MaxAge"/> in case such a message
/// was missed. A failed read is not kept. At most <see cref="Capacity"/> guilds are kept, the least recently used
/// going first, so a bot in 100,000 guilds keeps the ones in use rather than every guild anyone ever touched.
/// </summary>
public sealed class GuildCache<T> : IDisposable
{
    /// <summary>How late a change announced while Redis was away is picked up, at most.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private static readonly KeyValuePair<string, object?> Hit = new("bot.cache.result", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("bot.cache.result", "miss");

    private readonly MemoryCache guilds;
    private readonly ConcurrentDictionary<ulong, Lazy<Task<Loaded>>> loading = new();
    private readonly TimeProvider time;
    private readonly KeyValuePair<string, object?> cacheName;

    /// <param name="name">Names the cache in the <c>bot.cache.*</c> metrics.</param>
    public GuildCache(string name, TimeProvider time, int capacity = GuildCaches.DefaultCapacity)
    {
        this.time = time;
        Capacity = capacity;
        cacheName = new("bot.cache", name);
        // A full cache turns new entries away until it has compacted; a quarter at a time leaves room for a while.
        guilds = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.25 });
        GuildCaches.Track(this, name, () => Count);
    }

    public int Capacity { get; }

    /// <summary>Guilds held now; past <see cref="Capacity"/> only until the cache has compacted.</summary>
    public int Count => guilds.Count;

    public async Task<T> GetAsync(ulong guildId, Func<ulong, Task<T>> load, CancellationToken cancellationToken)
    {
        if (guilds.TryGetValue(guildId, out Loaded? cached) && time.GetUtcNow() - cached!.LoadedAt < MaxAge)
        {
            ModuleTelemetry.CacheLookups.Add(1, cacheName, Hit);
            return cached.Value;
        }

        ModuleTelemetry.CacheLookups.Add(1, cacheName, Miss);
        Lazy<Task<Loaded>>? mine = null;
        mine = new(() => LoadAsync(guildId, load, mine!));
        return (await loading.GetOrAdd(guildId, mine).Value.WaitAsync(cancellationToken)).Value;
    }

    public void Invalidate(ulong guildId)
    {
        loading.TryRemove(guildId, out _);
        guilds.Remove(guildId);
    }

    public void InvalidateAll()
    {
        loading.Clear();
        guilds.Clear();
    }

    public void Dispose()
    {
        GuildCaches.Untrack(this);
        guilds.Dispose();
    }

    /// <summary>Keeps what was read unless the guild was invalidated while it was being read: that read may be stale.</summary>
    private async Task<Loaded> LoadAsync(ulong guildId, Func<ulong, Task<T>> load, Lazy<Task<Loaded>> mine)
    {
        Loaded loaded;
        try
        {
            loaded = new(await load(guildId), time.GetUtcNow());
        }
        catch
        {
            loading.TryRemove(KeyValuePair.Create(guildId, mine));
            throw;
        }

        if (loading.TryRemove(KeyValuePair.Create(guildId, mine)))
        {
            guilds.Set(guildId, loaded, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = MaxAge });
        }

        return loaded;
    }

    private sealed record Loaded(T Value, DateTimeOffset LoadedAt);
}
