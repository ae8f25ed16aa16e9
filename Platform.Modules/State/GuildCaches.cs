using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Platform.Modules.State;

/// <summary>The size every <see cref="GuildCache{T}"/> keeps by default, and the live caches the <c>bot.cache.entries</c> gauge reads.</summary>
internal static class GuildCaches
{
    /// <summary>
    /// Guilds kept per cache and process. Use is spread like a power law (a few guilds busy, most quiet): in the fleet
    /// benchmark, with interactions drawn by Zipf over 100,000 guilds and 4 processes, 10,000 kept the hit rate the
    /// benchmarks README gives, at a few hundred bytes an entry. A miss costs one indexed read.
    /// </summary>
    public const int DefaultCapacity = 10_000;

    private static readonly ConcurrentDictionary<object, (string Name, Func<int> Count)> Live = new();

    internal static void Track(object cache, string name, Func<int> count) => Live[cache] = (name, count);

    internal static void Untrack(object cache) => Live.TryRemove(cache, out _);

    internal static IEnumerable<Measurement<int>> Measure() =>
        Live.Values.GroupBy(cache => cache.Name)
            .Select(caches => new Measurement<int>(caches.Sum(cache => cache.Count()), new KeyValuePair<string, object?>("bot.cache", caches.Key)));
}
