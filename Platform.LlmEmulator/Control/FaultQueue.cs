using System.Collections.Concurrent;

namespace Platform.LlmEmulator.Control;

public static class FaultKinds
{
    public const string RateLimit = "rate_limit";
    public const string ServerError = "server_error";
    public const string Timeout = "timeout";

    public static readonly string[] All = [RateLimit, ServerError, Timeout];
}

/// <summary>Failures queued by a test: each of the next requests takes one.</summary>
public sealed class FaultQueue
{
    private readonly ConcurrentQueue<string> queued = new();

    public void Add(string kind, int count)
    {
        for (var i = 0; i < count; i++)
        {
            queued.Enqueue(kind);
        }
    }

    public string? TryTake() => queued.TryDequeue(out var kind) ? kind : null;

    public void Clear() => queued.Clear();
}
