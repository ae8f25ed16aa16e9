namespace Platform.DiscordEmulator.Gateway;

/// <summary>Why the emulator closes a connection: a documented close code and its reason.</summary>
public sealed record CloseInstruction(int Code, string Reason);

/// <summary>What the emulator knows about one connection while it is open.</summary>
public sealed class ConnectionState(EmulatorConnection connection, bool resumeEndpoint, string resumeUrl, long connectedAt)
{
    public EmulatorConnection Connection { get; } = connection;
    public bool ResumeEndpoint { get; } = resumeEndpoint;
    public string ResumeUrl { get; } = resumeUrl;
    public EmulatedSession? Session { get; set; }
    public long LastHeartbeat { get; set; } = connectedAt;

    /// <summary>When the payload being handled came off the socket: Discord paces IDENTIFYs by their arrival.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
    public bool TimedOut { get; set; }
}
