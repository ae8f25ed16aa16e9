using System.Text;
using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.Compose;

/// <summary>An AppHost parameter as the deployment's <c>.env</c> file carries it.</summary>
public sealed record ComposeParameter(string Name, string Variable, bool Secret, string? DefaultValue)
{
    public static ComposeParameter From(ParameterResource parameter)
    {
        // A generated default (a password) is the operator's to choose; only a published constant is written.
        var constant = parameter.Secret || parameter.Default is null or GenerateParameterDefault ? null : parameter.Default.GetDefaultValue();
        return new(parameter.Name, VariableName(parameter.Name), parameter.Secret, constant);
    }

    /// <summary>How the Compose file refers to it: with a clear message when a required value is missing from <c>.env</c>.</summary>
    public string Reference => DefaultValue is null ? $"${{{Variable}:?set {Variable} in .env}}" : $"${{{Variable}}}";

    private static string VariableName(string name)
    {
        var variable = new StringBuilder(name.Length);
        foreach (var character in name)
        {
            variable.Append(char.IsLetterOrDigit(character) ? char.ToUpperInvariant(character) : '_');
        }

        return variable.ToString();
    }
}
