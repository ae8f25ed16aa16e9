namespace Platform.Discord.Gateway;

/// <summary>Gateway close codes, and what a client must do after each.</summary>
public static class GatewayCloseCode
{
    public const int UnknownError = 4000;
    public const int UnknownOpcode = 4001;
    public const int DecodeError = 4002;
    public const int NotAuthenticated = 4003;
    public const int AuthenticationFailed = 4004;
    public const int AlreadyAuthenticated = 4005;
    public const int InvalidSequence = 4007;
    public const int RateLimited = 4008;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>
    /// What we close with when we drop a connection ourselves but want to resume: anything but
    /// 1000/1001, which would end the session.
    /// </summary>
    public const int ClientReconnecting = 4900;

    public static CloseAction ActionFor(int? code) => code switch
    {
        AuthenticationFailed or InvalidShard or ShardingRequired or InvalidApiVersion or InvalidIntents or DisallowedIntents
            => CloseAction.Fatal,
        NotAuthenticated or AlreadyAuthenticated or InvalidSequence or SessionTimedOut or 1000 or 1001
            => CloseAction.Reidentify,
        _ => CloseAction.Resume,
    };

    /// <summary>A sentence for the operator: what went wrong and what to change.</summary>
    public static string Describe(int? code) => code switch
    {
        AuthenticationFailed => "Discord rejected the bot token (4004): check the token.",
        InvalidShard => "Discord rejected the shard (4010): the shard id or count is invalid.",
        ShardingRequired => "Discord requires more shards (4011): raise the shard count or use automatic sharding.",
        InvalidApiVersion => "Discord rejected the gateway version (4012).",
        InvalidIntents => "Discord rejected the intents (4013): an intent bit is not valid.",
        DisallowedIntents => "Discord refused a privileged intent (4014): enable it in the developer portal or stop requesting it.",
        null => "The connection closed without a close code.",
        _ => $"The gateway closed the connection with code {code}.",
    };
}

public enum CloseAction
{
    Resume,
    Reidentify,
    Fatal,
}
