namespace Platform.Modules.Attributes;

/// <summary>
/// Suggests values while a member types this option. <paramref name="methodName"/> names a method of
/// the same module that takes the text typed so far and returns up to 25 suggestions:
/// <c>Task&lt;IEnumerable&lt;string&gt;&gt; SuggestAsync(string current)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class AutocompleteAttribute(string methodName) : Attribute
{
    public string MethodName { get; } = methodName;
}
