using System.Reflection;
using Platform.Discord.Interactions;
using Platform.Modules.Attributes;

namespace Platform.Modules.Catalog;

/// <summary>A slash command handler: its full name (<c>tag get</c>), where it sits among groups, and its options.</summary>
public sealed class CommandInfo : HandlerInfo
{
    public CommandInfo(ModuleInfo module, MethodInfo method, SlashCommandAttribute attribute, IReadOnlyList<GroupAttribute> groups)
        : base(module, method)
    {
        Groups = groups;
        Name = attribute.Name;
        Description = attribute.Description;
        DeferEphemeral = attribute.DeferEphemeral;
        Path = string.Join(' ', groups.Select(g => g.Name).Append(Name));
        Options = [.. Parameters.Where(OptionInfo.IsOption).Select(p => new OptionInfo(p))];
        OptionsByPosition = [.. Parameters.Select(p => Options.FirstOrDefault(o => o.Parameter == p))];
        foreach (var option in Options.Where(o => o.Autocomplete is not null))
        {
            AutocompleteHandlers[option.Name] = new AutocompleteInfo(module, method.DeclaringType!, option);
        }
    }

    /// <summary>The enclosing groups, outermost first: none, a command, or a command and a subcommand group.</summary>
    public IReadOnlyList<GroupAttribute> Groups { get; }

    public string Name { get; }

    public string Description { get; }

    public string Path { get; }

    public bool DeferEphemeral { get; }

    internal IReadOnlyList<OptionInfo> Options { get; }

    /// <summary>For each parameter, its option, or null for the <c>CancellationToken</c>.</summary>
    internal IReadOnlyList<OptionInfo?> OptionsByPosition { get; }

    internal Dictionary<string, AutocompleteInfo> AutocompleteHandlers { get; } = [];

    public override string DisplayName => $"/{Path}";

    public ApplicationCommandOption ToSubcommand() =>
        new(ApplicationCommandOptionType.SubCommand, Name, Description)
        {
            Options = Options.Select(o => o.Definition).ToList() is { Count: > 0 } list ? list : null,
        };
}

/// <summary>The method that suggests values for one option of a command.</summary>
internal sealed class AutocompleteInfo(ModuleInfo module, Type declaringType, OptionInfo option)
    : HandlerInfo(module, declaringType.GetMethod(option.Autocomplete!, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
        ?? throw new ModuleDefinitionException($"{declaringType.Name} has no method '{option.Autocomplete}' for autocomplete of '{option.Name}'."))
{
    public override string DisplayName => $"autocomplete {Method.Name}";

    internal async Task<IEnumerable<string>> SuggestAsync(BotModule module, string current)
    {
        var task = InvokeAsync(module, [current]);
        return task is Task<IEnumerable<string>> suggestions
            ? await suggestions
            : throw new ModuleDefinitionException($"{Method.Name} must return Task<IEnumerable<string>>.");
    }
}
