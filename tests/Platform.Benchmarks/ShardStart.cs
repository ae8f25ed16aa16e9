using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Discord.Gateway;
using Platform.Discord.Rest;

namespace Platform.Benchmarks;

/// <summary>Time from start to every shard ready, against Discord's rule of ceil(shards / max_concurrency) identify intervals.</summary>
internal static class ShardStart
{
    public static async Task<int> RunAsync(Uri emulator, string token, TimeSpan identifyInterval)
    {
        var rest = new DiscordRestClient(new HttpClient(), new DiscordRestOptions { Token = token, BaseAddress = new Uri(emulator, "/api/v10/") });
        var info = await rest.GetGatewayBotAsync(CancellationToken.None);
        var gateway = new DiscordGatewayClient(
            new DiscordGatewayOptions { Token = token },
            rest, new InProcessIdentifyCoordinator(TimeProvider.System, identifyInterval), NullLoggerFactory.Instance, TimeProvider.System);

        var timer = Stopwatch.StartNew();
        await gateway.StartAsync(CancellationToken.None);
        var drain = Task.Run(async () => { await foreach (var _ in gateway.Dispatches.ReadAllAsync()) { } });
        while (!gateway.Shards.All(shard => shard.Status.State == ShardState.Ready))
        {
            await Task.Delay(5);
        }

        var seconds = timer.Elapsed.TotalSeconds;
        var rule = Math.Ceiling((double)info.Shards / info.SessionStartLimit.MaxConcurrency) * identifyInterval.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            shards = info.Shards,
            maxConcurrency = info.SessionStartLimit.MaxConcurrency,
            identifyIntervalSeconds = identifyInterval.TotalSeconds,
            seconds = Math.Round(seconds, 2),
            ruleSeconds = rule,
            ratioToRule = Math.Round(seconds / rule, 3),
        }));
        await gateway.StopAsync();
        await drain;
        return 0;
    }
}
