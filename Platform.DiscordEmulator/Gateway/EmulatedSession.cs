using Platform.Discord.Gateway;
using Platform.DiscordEmulator.Pacing;

namespace Platform.DiscordEmulator.Gateway;

/// <summary>
/// A gateway session: its sequence numbers, the events it was sent (kept for RESUME to replay),
/// and the connection it is attached to, if any. Sends are serialized so that every client sees
/// its events in sequence order, replays included.
/// </summary>
public sealed class EmulatedSession(string id, int shardId, int totalShards, GatewayIntents intents, int replayCapacity, ShardFaults faults)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Queue<(int Sequence, byte[] Frame)> replay = new();
    private int sequence;

    public string Id { get; } = id;
    public int ShardId { get; } = shardId;
    public int TotalShards { get; } = totalShards;
    public GatewayIntents Intents { get; } = intents;
    public int Sequence => Volatile.Read(ref sequence);
    public int Resumes { get; private set; }
    public EmulatorConnection? Connection { get; private set; }

    /// <summary>The <c>d</c> of every heartbeat received on this session, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<int?> Heartbeats { get; } = new();

    public Task DispatchAsync(string name, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        DispatchManyAsync(name, data, 1, null, cancellationToken);

    /// <summary>
    /// Sends the same event <paramref name="count"/> times, each with its own sequence number, holding the session
    /// once: as fast as the connection takes them, or <paramref name="perSecond"/> a second, on schedule.
    /// </summary>
    public async Task DispatchManyAsync(string name, ReadOnlyMemory<byte> data, int count, double? perSecond, CancellationToken cancellationToken)
    {
        var pace = perSecond is { } rate ? new SteadyRate(rate, count) : null;
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var i = 0; i < count; i++)
            {
                while (i >= pace?.Due)
                {
                    await SteadyRate.StepAsync(cancellationToken);
                }

                var frame = DispatchFrame.Create(0, ++sequence, name, data.Span);
                replay.Enqueue((sequence, frame));
                if (replay.Count > replayCapacity)
                {
                    replay.Dequeue();
                }

                await faults.DelayAsync(ShardId, cancellationToken);

                if (Connection is { } connection && !await connection.TrySendAsync(frame, cancellationToken))
                {
                    Connection = null;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task AttachAsync(EmulatorConnection connection, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        Connection = connection;
        gate.Release();
    }

    /// <summary>Attaches a resumed connection, sends it every event after <paramref name="lastSequence"/> in order, then RESUMED.</summary>
    public async Task<bool> ResumeAsync(EmulatorConnection connection, int lastSequence, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (lastSequence > sequence || (replay.Count > 0 && replay.Peek().Sequence > lastSequence + 1))
            {
                return false;
            }

            Connection = connection;
            foreach (var (s, frame) in replay)
            {
                if (s > lastSequence && !await connection.TrySendAsync(frame, cancellationToken))
                {
                    Connection = null;
                    return true;
                }
            }

            await faults.DelayAsync(ShardId, cancellationToken);

            var resumed = DispatchFrame.Create(0, ++sequence, GatewayEventNames.Resumed, "{}"u8);
            replay.Enqueue((sequence, resumed));
            Resumes++;
            await connection.TrySendAsync(resumed, cancellationToken);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Detach(EmulatorConnection connection)
    {
        if (Connection == connection)
        {
            Connection = null;
        }
    }
}
