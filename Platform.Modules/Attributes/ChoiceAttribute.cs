namespace Platform.Modules.Attributes;

/// <summary>A fixed value a member picks from a list; repeat it for each choice.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = true, Inherited = false)]
public sealed class ChoiceAttribute : Attribute
{
    public ChoiceAttribute(string name, string value) => (Name, Value) = (name, value);

    public ChoiceAttribute(string name, long value) => (Name, Value) = (name, value);

    public ChoiceAttribute(string name, double value) => (Name, Value) = (name, value);

    public string Name { get; }

    public object Value { get; }
}
