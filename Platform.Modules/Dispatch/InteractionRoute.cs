using Platform.Discord.Interactions;
using Platform.Modules.Catalog;

namespace Platform.Modules.Dispatch;

/// <summary>The handler an interaction goes to, with the arguments read from it; or why there is none.</summary>
internal sealed record InteractionRoute(HandlerInfo Handler, Func<CancellationToken, object?[]> Arguments)
{
    public static InteractionRoute? Find(ModuleCatalog catalog, Interaction interaction)
    {
        if (interaction.Data is not { } data)
        {
            return null;
        }

        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand:
                var invoked = InvokedCommand.From(data);
                return catalog.FindCommand(invoked.Path) is { } command
                    ? new InteractionRoute(command, token => OptionBinder.Bind(command, invoked, interaction, token))
                    : null;
            case InteractionType.ApplicationCommandAutocomplete:
                var typing = InvokedCommand.From(data);
                return catalog.FindCommand(typing.Path) is { } completed && typing.Focused is { } focused
                    && completed.AutocompleteHandlers.TryGetValue(focused.Name, out var autocomplete)
                    ? new InteractionRoute(autocomplete, _ => [focused.Value?.ToString() ?? ""])
                    : null;
            case InteractionType.MessageComponent or InteractionType.ModalSubmit when data.CustomId is { } customId:
                var modal = interaction.Type == InteractionType.ModalSubmit;
                return catalog.FindCustomIdHandler(customId, modal, out var captures) is { } handler
                    ? new InteractionRoute(handler, _ => CustomIdArguments(handler, captures, data))
                    : null;
            default:
                return null;
        }
    }

    // Captures fill the first string parameters; then select values, or each modal input by its custom_id.
    private static object?[] CustomIdArguments(CustomIdHandlerInfo handler, string[] captures, InteractionData data)
    {
        var inputs = (data.Components ?? []).SelectMany(row => row.Components ?? [row])
            .Where(c => c.CustomId is not null).ToDictionary(c => c.CustomId!, c => c.Value, StringComparer.Ordinal);
        return [.. handler.Parameters.Select((parameter, index) =>
            parameter.ParameterType == typeof(string[]) ? (data.Values ?? []).ToArray()
            : index < captures.Length ? captures[index]
            : (object?)inputs.GetValueOrDefault(parameter.Name!))];
    }
}
