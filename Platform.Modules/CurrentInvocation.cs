using Platform.Modules.Catalog;

namespace Platform.Modules;

/// <summary>
/// Which module and handler are running, for whom: set by the dispatchers before a handler runs and
/// carried along its async flow, like <c>IHttpContextAccessor</c>. Services a module calls (the LLM
/// usage recorder) read it, so a module never has to pass its caller along.
/// </summary>
public sealed class CurrentInvocation
{
    private static readonly AsyncLocal<Invocation?> Current = new();

    /// <summary>The invocation this flow serves, or null outside any handler (a background job).</summary>
    public Invocation? Value => Current.Value;

    /// <summary>
    /// Serves <paramref name="invocation"/> until disposed: for work a module does on its own (a scheduled
    /// job for a guild), so that what it spends is counted to that guild and module.
    /// </summary>
    public IDisposable Enter(Invocation invocation)
    {
        var previous = Current.Value;
        Current.Value = invocation;
        return new Restore(previous);
    }

    internal static void Set(HandlerInfo handler, ulong? guildId, ulong? channelId, ulong? userId) =>
        Current.Value = new(handler.Module.Name, handler.DisplayName, guildId, channelId, userId);

    private sealed class Restore(Invocation? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

public sealed record Invocation(string Module, string Handler, ulong? GuildId, ulong? ChannelId, ulong? UserId);
