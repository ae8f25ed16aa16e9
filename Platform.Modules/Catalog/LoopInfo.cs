using System.Reflection;

namespace Platform.Modules.Catalog;

/// <summary>A module method the bot runs on a timer (<c>[Loop]</c>), not for any guild in particular.</summary>
internal sealed class LoopInfo : HandlerInfo
{
    /// <summary>Shorter than this, a loop would be polling, which a gateway event listener does better.</summary>
    public static readonly TimeSpan ShortestInterval = TimeSpan.FromSeconds(1);

    public LoopInfo(ModuleInfo module, MethodInfo method, TimeSpan interval)
        : base(module, method)
    {
        if (interval < ShortestInterval)
        {
            throw new ModuleDefinitionException($"{method.Name}: a [Loop] runs at most once a second.");
        }

        if (Parameters.Count > 1 || Parameters.Any(p => p.ParameterType != typeof(CancellationToken)))
        {
            throw new ModuleDefinitionException(
                $"{method.Name}: a [Loop] method takes nothing, or a CancellationToken.");
        }

        Interval = interval;
    }

    public TimeSpan Interval { get; }

    public override string DisplayName => $"loop {Method.Name}";

    internal object?[] Arguments(CancellationToken cancellationToken) =>
        Parameters.Count == 1 ? [cancellationToken] : [];
}
