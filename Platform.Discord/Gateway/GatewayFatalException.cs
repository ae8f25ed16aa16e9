namespace Platform.Discord.Gateway;

/// <summary>The gateway closed a shard with a code that retrying cannot fix (bad token, disallowed intents, ...).</summary>
public sealed class GatewayFatalException(int shardId, int closeCode)
    : Exception($"Shard {shardId} stopped: {GatewayCloseCode.Describe(closeCode)}")
{
    public int ShardId { get; } = shardId;

    public int CloseCode { get; } = closeCode;
}
