namespace Platform.DiscordEmulator.Gateway;

/// <summary>The faults the control API can switch on or inject.</summary>
public static class FaultKinds
{
    /// <summary>Stop acknowledging heartbeats (the connection becomes a zombie).</summary>
    public const string StopAcks = "stop-acks";

    /// <summary>Answer the resume URL with HTTP 503, as a gateway node going away does.</summary>
    public const string RefuseResume = "refuse-resume";

    /// <summary>Close the connection with the given code.</summary>
    public const string Close = "close";

    /// <summary>Drop the TCP connection with no close frame.</summary>
    public const string Drop = "drop";

    /// <summary>Send op 7 Reconnect.</summary>
    public const string Reconnect = "reconnect";

    /// <summary>Delay everything sent on the shard (events and heartbeat ACKs) by <c>ms</c>; 0 removes it.</summary>
    public const string Latency = "latency";

    /// <summary>Send op 9 Invalid Session, resumable or not.</summary>
    public const string InvalidSession = "invalid-session";
}
