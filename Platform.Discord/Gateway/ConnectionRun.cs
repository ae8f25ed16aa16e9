namespace Platform.Discord.Gateway;

/// <summary>What one connection of a shard has started, shared by its receive thread and the code that ends it.</summary>
internal sealed class ConnectionRun(CancellationTokenSource scope)
{
    /// <summary>Null until the socket is open.</summary>
    public GatewayConnection? Connection { get; set; }

    /// <summary>Ends the heartbeat and the session's start, and wakes the receive thread (it aborts the connection).</summary>
    public CancellationTokenSource Scope { get; } = scope;

    public GatewayHeartbeat? Heartbeat { get; set; }

    public Task Heartbeats { get; set; } = Task.CompletedTask;

    public Task Starting { get; set; } = Task.CompletedTask;

    public bool ReachedReady { get; set; }
}
