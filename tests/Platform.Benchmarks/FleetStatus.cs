using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Contracts;
using Platform.Discord.Gateway;
using Platform.Discord.Rest;
using StackExchange.Redis;

namespace Platform.Benchmarks;

/// <summary>What the fleet benchmarks read while a fleet runs: the shards' status as the api reads it, and the database.</summary>
internal static class FleetStatus
{
    /// <summary>The bot the fleet runs, as Discord describes it: its shards and identify limits, and its application id.</summary>
    public static async Task<(GatewayBotInfo Info, ulong ApplicationId)> BotAsync(FleetRun run)
    {
        var rest = new DiscordRestClient(
            new HttpClient(), new DiscordRestOptions { Token = run.Token, BaseAddress = new Uri(run.Emulator, "/api/v10/") });
        return (await rest.GetGatewayBotAsync(CancellationToken.None), (await rest.GetCurrentUserAsync(CancellationToken.None)).Id);
    }

    public static async Task<List<ShardStatusDocument>> ShardsAsync(IDatabase redis, ulong applicationId) =>
        [
            .. (await redis.HashValuesAsync(BotRedisKeys.ShardStatus(applicationId)))
                .Select(value => ShardStatusDocument.Parse(value.ToString()))
                .OfType<ShardStatusDocument>(),
        ];

    /// <summary>Every shard ready and fresh, in as many processes, serving every guild.</summary>
    public static bool Serves(IReadOnlyList<ShardStatusDocument> shards, int totalShards, int processes, int guilds) =>
        shards.Count == totalShards
        && shards.All(s => s.State == "ready" && !s.IsStale(DateTimeOffset.UtcNow))
        && shards.Select(s => s.Owner).Distinct().Count() == processes
        && shards.Sum(s => s.GuildCount - s.UnavailableGuildCount) == guilds;

    /// <summary>The guilds the bots have stored and not left.</summary>
    public static Task<long> GuildRowsAsync(NpgsqlDataSource database) =>
        ScalarAsync(database, "SELECT count(*) FROM guilds WHERE left_at IS NULL");

    /// <summary>Every IDENTIFY the emulator has seen, accepted or refused, with its shard and time.</summary>
    public static async Task<JsonElement[]> IdentifiesAsync(Uri emulator)
    {
        using var http = new HttpClient { BaseAddress = emulator };
        return await http.GetFromJsonAsync<JsonElement[]>("/control/identifies") ?? [];
    }

    public static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Seconds until <paramref name="condition"/> holds, polled every 100 ms.</summary>
    public static async Task<double> UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var timer = Stopwatch.StartNew();
        while (!await condition())
        {
            if (timer.Elapsed > (timeout ?? TimeSpan.FromMinutes(2)))
            {
                throw new TimeoutException($"Still not so after {timer.Elapsed.TotalSeconds:0} s.");
            }

            await Task.Delay(100);
        }

        return timer.Elapsed.TotalSeconds;
    }
}
