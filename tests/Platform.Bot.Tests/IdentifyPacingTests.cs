using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Bot.Shards;
using Platform.Discord.Gateway;
using Platform.Discord.Models;
using Platform.Modules;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class IdentifyPacingTests(BotEnvironment environment)
{
    private const int MaxConcurrency = 16;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    [Theory]
    [InlineData("two processes, through Redis")]
    [InlineData("one process")]
    public async Task The_next_identify_of_a_bucket_waits_a_full_interval_from_when_a_slow_one_left_not_from_its_permission(string shards)
    {
        var (slow, next) = shards == "one process" ? InProcess() : ThroughRedis();

        await slow.WaitToIdentifyAsync(0, MaxConcurrency, CancellationToken.None);
        var allowed = Task.Run(async () =>
        {
            await next.WaitToIdentifyAsync(MaxConcurrency, MaxConcurrency, CancellationToken.None);
            return Stopwatch.GetTimestamp();
        });
        // A cold process compiles its IDENTIFY's serialization and send on the way: hundreds of milliseconds.
        await Task.Delay(Interval + TimeSpan.FromMilliseconds(100));
        var sent = Stopwatch.GetTimestamp();
        await slow.IdentifySentAsync(0, MaxConcurrency, CancellationToken.None);

        var gap = Stopwatch.GetElapsedTime(sent, await allowed);
        Assert.True(gap >= Interval, $"the next IDENTIFY was allowed {gap.TotalMilliseconds:0} ms after the slow one left");
    }

    private static (IIdentifyCoordinator, IIdentifyCoordinator) InProcess()
    {
        var coordinator = new InProcessIdentifyCoordinator(TimeProvider.System, Interval);
        return (coordinator, coordinator);
    }

    private (IIdentifyCoordinator, IIdentifyCoordinator) ThroughRedis()
    {
        var identity = new BotIdentity();
        identity.Set(new Application((ulong)Random.Shared.NextInt64(1L << 60, long.MaxValue), "pacing"));
        var options = new BotOptions { IdentifyInterval = Interval };
        return (
            new RedisIdentifyCoordinator(environment.Redis, identity, options, TimeProvider.System, NullLogger<RedisIdentifyCoordinator>.Instance),
            new RedisIdentifyCoordinator(environment.Redis, identity, options, TimeProvider.System, NullLogger<RedisIdentifyCoordinator>.Instance));
    }
}
