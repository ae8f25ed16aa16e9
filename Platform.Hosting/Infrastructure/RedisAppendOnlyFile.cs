using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.Infrastructure;

public static class RedisAppendOnlyFile
{
    /// <summary>
    /// Makes the Redis container keep an append-only file, fsynced every second, as the local Redis and
    /// the Compose bundle do: sessions and spend counters survive a restart with at most a second lost.
    /// Aspire's persistence (which <c>WithDataVolume</c> turns on) writes RDB snapshots instead
    /// (<c>--save 60 1</c>), losing everything since the last one; those arguments are replaced.
    /// </summary>
    public static IResourceBuilder<RedisResource> WithAppendOnlyFile(this IResourceBuilder<RedisResource> redis) =>
        redis.WithArgs(context =>
        {
            var save = context.Args.IndexOf("--save");
            for (var i = 0; save >= 0 && i < 3 && save < context.Args.Count; i++)
            {
                context.Args.RemoveAt(save);
            }

            foreach (var arg in new[] { "--appendonly", "yes", "--appendfsync", "everysec" })
            {
                context.Args.Add(arg);
            }
        });
}
