namespace Platform.Architecture.Tests;

/// <summary>
/// What a module author sees of the framework. Everything else is internal, so that the framework can change how it
/// dispatches, caches and registers without breaking a module; a new public type is a choice made here, in review.
/// </summary>
public sealed class ModuleSurfaceTests
{
    private static readonly string[] Surface =
    [
        "Microsoft.Extensions.Hosting.ModulesExtensions",
        "Platform.Modules.Attributes.AutocompleteAttribute",
        "Platform.Modules.Attributes.ChoiceAttribute",
        "Platform.Modules.Attributes.ComponentInteractionAttribute",
        "Platform.Modules.Attributes.GatewayEventAttribute",
        "Platform.Modules.Attributes.GroupAttribute",
        "Platform.Modules.Attributes.LoopAttribute",
        "Platform.Modules.Attributes.ModalInteractionAttribute",
        "Platform.Modules.Attributes.ModuleAttribute",
        "Platform.Modules.Attributes.OptionAttribute",
        "Platform.Modules.Attributes.SlashCommandAttribute",
        "Platform.Modules.BotIdentity",
        "Platform.Modules.BotModule",
        "Platform.Modules.Catalog.CommandInfo",
        "Platform.Modules.Catalog.HandlerInfo",
        "Platform.Modules.Catalog.ModuleDefinitionException",
        "Platform.Modules.Catalog.ModuleInfo",
        "Platform.Modules.CommandRefusedException",
        "Platform.Modules.CurrentInvocation",
        "Platform.Modules.IGuildModules",
        "Platform.Modules.InteractionContext",
        "Platform.Modules.Invocation",
        "Platform.Modules.InvokedCommand",
        "Platform.Modules.MessageText",
        "Platform.Modules.ModuleHost",
        "Platform.Modules.ModuleOptions",
        "Platform.Modules.Preconditions.CooldownAttribute",
        "Platform.Modules.Preconditions.CooldownScope",
        "Platform.Modules.Preconditions.PreconditionAttribute",
        "Platform.Modules.Preconditions.PreconditionResult",
        "Platform.Modules.Preconditions.RequireAccessAttribute",
        "Platform.Modules.Preconditions.RequireUserPermissionAttribute",
        "Platform.Modules.State.GuildCache`1",
    ];

    [Fact]
    public void The_module_framework_shows_authors_only_what_they_need() =>
        Assert.Equal(Surface, typeof(Platform.Modules.BotModule).Assembly.GetExportedTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal));
}
