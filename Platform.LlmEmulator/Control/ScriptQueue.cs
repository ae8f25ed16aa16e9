using System.Collections.Concurrent;

namespace Platform.LlmEmulator.Control;

/// <summary>What a test scripted for the next requests, each of which takes one: a failure, or an answer.</summary>
public sealed class ScriptQueue<T>
    where T : class
{
    private readonly ConcurrentQueue<T> queued = new();

    public void Add(T item, int count)
    {
        for (var i = 0; i < count; i++)
        {
            queued.Enqueue(item);
        }
    }

    public T? TryTake() => queued.TryDequeue(out var item) ? item : null;

    public void Clear() => queued.Clear();
}
