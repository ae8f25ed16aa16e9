using Platform.Modules.Catalog;

namespace Platform.Modules.Preconditions;

/// <summary>
/// A check that runs before a handler, on the module class or the method, as in Discord.Net. A failed
/// check answers the member with its reason, ephemerally, and the handler never runs.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public abstract class PreconditionAttribute : Attribute
{
    public abstract ValueTask<PreconditionResult> CheckAsync(InteractionContext context, HandlerInfo handler);
}

public readonly record struct PreconditionResult(string? Reason)
{
    public static PreconditionResult Success { get; } = new(null);

    public bool IsSuccess => Reason is null;

    public static PreconditionResult Fail(string reason) => new(reason);
}
