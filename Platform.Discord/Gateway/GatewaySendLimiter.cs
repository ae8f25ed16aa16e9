namespace Platform.Discord.Gateway;

/// <summary>
/// Keeps a connection under Discord's limit of 120 sent payloads per 60 seconds (more closes
/// it with 4008). Ordinary sends stop short of the limit so that a heartbeat always has room.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int ReservedForHeartbeats = 5;

    private readonly Queue<long> sent = new();
    private readonly Lock gate = new();

    public async ValueTask WaitAsync(bool heartbeat, CancellationToken cancellationToken)
    {
        var limit = heartbeat ? GatewayLimits.SendsPerWindow : GatewayLimits.SendsPerWindow - ReservedForHeartbeats;
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = time.GetTimestamp();
                while (sent.Count > 0 && time.GetElapsedTime(sent.Peek(), now) >= GatewayLimits.SendWindow)
                {
                    sent.Dequeue();
                }

                if (sent.Count < limit)
                {
                    sent.Enqueue(now);
                    return;
                }

                wait = GatewayLimits.SendWindow - time.GetElapsedTime(sent.Peek(), now);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
