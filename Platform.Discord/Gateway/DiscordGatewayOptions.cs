namespace Platform.Discord.Gateway;

public sealed record DiscordGatewayOptions
{
    public required string Token { get; init; }

    public GatewayIntents Intents { get; init; } = GatewayIntents.Guilds;

    /// <summary>The bot's total shard count; null takes the count Discord recommends in GET /gateway/bot.</summary>
    public int? TotalShards { get; init; }

    /// <summary>The shards this process runs; null runs all of them. Lets several processes split one bot.</summary>
    public IReadOnlyList<int>? ShardIds { get; init; }

    public bool Compress { get; init; } = true;

    /// <summary>Dispatch events buffered before the gateway stops reading and waits for the consumer.</summary>
    public int DispatchCapacity { get; init; } = 10_000;
}
