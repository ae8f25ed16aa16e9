using Platform.Contracts;
using StackExchange.Redis;

namespace Platform.Bot.Tests;

/// <summary>Reads the shard status the bot publishes, as the api will.</summary>
public static class ShardStatusReader
{
    public static async Task<IReadOnlyDictionary<int, ShardStatusDocument>> ReadAsync(this BotScenario scenario) =>
        (await scenario.Redis.HashGetAllAsync(BotRedisKeys.ShardStatus(scenario.ApplicationId)))
            .Select(entry => ShardStatusDocument.Parse(entry.Value.ToString())!)
            .ToDictionary(document => document.ShardId);
}
