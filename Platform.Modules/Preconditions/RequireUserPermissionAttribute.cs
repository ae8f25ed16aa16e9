using Platform.Discord.Models;
using Platform.Modules.Catalog;

namespace Platform.Modules.Preconditions;

/// <summary>The member must hold these Discord permissions in the channel (Administrator holds all).</summary>
public sealed class RequireUserPermissionAttribute(Permissions permissions) : PreconditionAttribute
{
    public Permissions Permissions { get; } = permissions;

    public override ValueTask<PreconditionResult> CheckAsync(InteractionContext context, HandlerInfo handler) =>
        ValueTask.FromResult(context.Permissions.Allows(Permissions)
            ? PreconditionResult.Success
            : PreconditionResult.Fail($"You need the {Describe(Permissions)} permission for this."));

    internal static string Describe(Permissions permissions) =>
        string.Join(" and ", Enum.GetValues<Permissions>().Where(p => p != Permissions.None && permissions.HasFlag(p))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p.ToString(), "(?<=[a-z])(?=[A-Z])", " ")));
}
