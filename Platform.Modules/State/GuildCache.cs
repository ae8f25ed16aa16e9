using System.Collections.Concurrent;

namespace Platform.Modules.State;

/// <summary>
/// A per-guild copy of something read from the database: read once however many callers ask at the
/// same moment, dropped when the api says it changed (over Redis), and expired after
/// <see cref="MaxAge"/> in case such a message was missed. A failed read is not kept.
/// </summary>
public sealed class GuildCache<T>(TimeProvider time)
{
    /// <summary>How late a change announced while Redis was away is picked up, at most.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<ulong, Lazy<Task<(T Value, DateTimeOffset LoadedAt)>>> guilds = new();

    public async Task<T> GetAsync(ulong guildId, Func<ulong, Task<T>> load, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entry = guilds.GetOrAdd(guildId, id => new(async () => (await load(id), time.GetUtcNow())));
            try
            {
                var (value, loadedAt) = await entry.Value.WaitAsync(cancellationToken);
                if (time.GetUtcNow() - loadedAt < MaxAge)
                {
                    return value;
                }
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                guilds.TryRemove(KeyValuePair.Create(guildId, entry));
                throw;
            }

            guilds.TryRemove(KeyValuePair.Create(guildId, entry));
        }
    }

    public void Invalidate(ulong guildId) => guilds.TryRemove(guildId, out _);

    public void InvalidateAll() => guilds.Clear();
}
