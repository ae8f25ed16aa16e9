using System.Net.WebSockets;
using Platform.Discord.Json;

namespace Platform.Discord.Gateway;

/// <summary>
/// One connection's heartbeat, on a task of its own so that a slow consumer never delays it. A
/// beat that was not acknowledged by the time of the next marks the connection a zombie: it is
/// closed for a resume.
/// </summary>
internal sealed class GatewayHeartbeat(GatewayConnection connection, TimeSpan interval, Func<int?> lastSequence, TimeProvider time)
{
    private volatile bool acknowledged = true;
    private volatile bool paused;
    private long sentAt;

    public bool Zombie { get; private set; }

    /// <summary>Beats until <paramref name="scope"/> ends; on a zombie, closes the connection and cancels the scope.</summary>
    public async Task RunAsync(CancellationTokenSource scope)
    {
        try
        {
            // The first beat is jittered so that a fleet of shards does not beat in step.
            await Task.Delay(interval * Random.Shared.NextDouble(), time, scope.Token);
            while (!scope.IsCancellationRequested)
            {
                if (!acknowledged && !paused)
                {
                    Zombie = true;
                    await connection.CloseForResumeAsync();
                    await scope.CancelAsync();
                    return;
                }

                await BeatAsync(scope.Token);
                await Task.Delay(interval, time, scope.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is ending; the receive loop reports why.
        }
    }

    /// <summary>Sends a heartbeat now: on schedule, or because the gateway asked for one (op 1).</summary>
    public ValueTask BeatAsync(CancellationToken cancellationToken)
    {
        acknowledged = false;
        Interlocked.Exchange(ref sentAt, time.GetTimestamp());
        return connection.SendAsync(
            new(GatewayOpCode.Heartbeat, lastSequence()),
            DiscordJsonContext.Default.GatewayPayloadNullableInt32,
            cancellationToken);
    }

    /// <returns>The round trip of the beat just acknowledged.</returns>
    public TimeSpan Acknowledge()
    {
        acknowledged = true;
        return time.GetElapsedTime(Interlocked.Read(ref sentAt));
    }

    /// <summary>
    /// Runs <paramref name="wait"/> while the socket is not being read (the consumer is behind), when
    /// ACKs cannot be seen: the zombie check stands aside until reading resumes.
    /// </summary>
    public async ValueTask WhileNotReadingAsync(Func<ValueTask> wait)
    {
        paused = true;
        try
        {
            await wait();
        }
        finally
        {
            acknowledged = true;
            paused = false;
        }
    }
}
