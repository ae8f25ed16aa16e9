using System.Reflection;
using System.Text.RegularExpressions;

namespace Platform.Modules.Catalog;

/// <summary>A component or modal handler, found by matching the <c>custom_id</c> against its pattern.</summary>
internal sealed class CustomIdHandlerInfo : HandlerInfo
{
    private readonly Regex pattern;

    public CustomIdHandlerInfo(ModuleInfo module, MethodInfo method, string customId, bool isModal)
        : base(module, method)
    {
        CustomId = customId;
        IsModal = isModal;
        pattern = new Regex("^" + string.Join("(.*?)", customId.Split('*').Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant);
        Captures = customId.Count(c => c == '*');
        if (Parameters.Any(p => p.ParameterType != typeof(string) && p.ParameterType != typeof(string[])))
        {
            throw new ModuleDefinitionException(
                $"{method.Name}: component and modal handlers take string parameters (and a string[] for select values).");
        }
    }

    public string CustomId { get; }

    public bool IsModal { get; }

    public int Captures { get; }

    public override string DisplayName => $"{(IsModal ? "modal" : "component")} {CustomId}";

    public bool TryMatch(string customId, out string[] captures)
    {
        var match = pattern.Match(customId);
        captures = match.Success ? [.. match.Groups.Cast<Group>().Skip(1).Select(g => g.Value)] : [];
        return match.Success;
    }
}
