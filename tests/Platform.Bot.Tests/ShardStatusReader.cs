using Platform.Contracts;
using Platform.Discord.Gateway;
using Platform.Testing;
using StackExchange.Redis;

namespace Platform.Bot.Tests;

/// <summary>Reads the shard status the bot publishes, as the api will.</summary>
public static class ShardStatusReader
{
    public static async Task<IReadOnlyDictionary<int, ShardStatusDocument>> ReadAsync(this BotScenario scenario) =>
        (await scenario.Redis.HashGetAllAsync(BotRedisKeys.ShardStatus(scenario.ApplicationId)))
            .Select(entry => ShardStatusDocument.Parse(entry.Value.ToString())!)
            .ToDictionary(document => document.ShardId);

    /// <summary>The ids of the shards ready in <paramref name="bot"/>, in order, as <c>0,2</c>.</summary>
    public static string ReadyShardIds(this BotHost bot) =>
        string.Join(',', bot.Shards.Where(s => s.Status.State == ShardState.Ready).Select(s => s.ShardId).Order());
}
