namespace Platform.Bot.Tests;

/// <summary>Interaction options as Discord sends them, for <see cref="BotScenario.InvokeAsync"/>.</summary>
public static class CommandOptions
{
    /// <summary>A subcommand with string options, as in <c>/tag set name:rules content:…</c>.</summary>
    public static object[] Subcommand(string name, params (string Name, string Value)[] options) =>
        [new { name, type = 1, options = options.Select(o => new { name = o.Name, type = 3, value = o.Value }).ToArray() }];
}
