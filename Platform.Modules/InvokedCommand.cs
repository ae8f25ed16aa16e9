using Platform.Discord.Interactions;

namespace Platform.Modules;

/// <summary>The full name of an invoked command (<c>tag get</c>) and the options given to its leaf.</summary>
public readonly record struct InvokedCommand(string Path, IReadOnlyList<InteractionDataOption> Options)
{
    public static InvokedCommand From(InteractionData data)
    {
        var path = data.Name ?? "";
        var options = data.Options ?? [];
        while (options is [{ Type: ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup } nested])
        {
            path += " " + nested.Name;
            options = nested.Options ?? [];
        }

        return new InvokedCommand(path, options);
    }

    public InteractionDataOption? Focused => Options.FirstOrDefault(o => o.Focused == true);
}
