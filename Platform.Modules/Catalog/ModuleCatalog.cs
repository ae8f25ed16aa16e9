using System.Reflection;
using System.Text.RegularExpressions;
using Platform.Modules.Attributes;
using Platform.Modules.Commands;

namespace Platform.Modules.Catalog;

/// <summary>
/// Every module the bot runs, read once at start-up from the registered types. A module that breaks
/// Discord's naming rules or collides with another fails the start with a message that says which.
/// </summary>
internal sealed partial class ModuleCatalog
{
    private const BindingFlags HandlerMethods = BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly;

    private readonly Dictionary<string, CommandInfo> commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModuleInfo> modulesByName = new(StringComparer.Ordinal);
    private readonly List<CustomIdHandlerInfo> customIdHandlers = [];

    public ModuleCatalog(IEnumerable<ModuleRegistration> registrations)
    {
        foreach (var type in registrations.Select(r => r.Type).Distinct())
        {
            var module = Describe(type);
            if (!modulesByName.TryAdd(module.Name, module))
            {
                throw new ModuleDefinitionException(
                    $"Two modules are named '{module.Name}': {modulesByName[module.Name].Type.Name} and {type.Name}.");
            }

            foreach (var command in module.Commands)
            {
                if (!commands.TryAdd(command.Path, command))
                {
                    throw new ModuleDefinitionException(
                        $"/{command.Path} is declared by both {commands[command.Path].Module.Name} and {module.Name}.");
                }
            }

            customIdHandlers.AddRange(module.CustomIdHandlers);
        }

        Modules = [.. modulesByName.Values.OrderBy(m => m.Name, StringComparer.Ordinal)];
        Listeners = Modules.SelectMany(m => m.Listeners).ToLookup(l => l.EventName, StringComparer.Ordinal);
        CommandDefinitions.Validate(commands.Values);
    }

    public IReadOnlyList<ModuleInfo> Modules { get; }

    public ILookup<string, ListenerInfo> Listeners { get; }

    public IEnumerable<CommandInfo> Commands => commands.Values;

    public ModuleInfo? FindModule(string name) => modulesByName.GetValueOrDefault(name);

    /// <summary>The module a class belongs to: the module itself, or a subcommand group nested in it.</summary>
    public ModuleInfo? FindModule(Type type) =>
        Modules.FirstOrDefault(m => m.Type == type) ?? (type.DeclaringType is { } outer ? FindModule(outer) : null);

    public CommandInfo? FindCommand(string path) => commands.GetValueOrDefault(path);

    public CustomIdHandlerInfo? FindCustomIdHandler(string customId, bool modal, out string[] captures)
    {
        foreach (var handler in customIdHandlers.Where(h => h.IsModal == modal))
        {
            if (handler.TryMatch(customId, out captures))
            {
                return handler;
            }
        }

        captures = [];
        return null;
    }

    private static ModuleInfo Describe(Type type)
    {
        if (!typeof(BotModule).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ModuleDefinitionException($"{type.Name} must be a concrete class deriving from BotModule.");
        }

        var attribute = type.GetCustomAttribute<ModuleAttribute>()
            ?? throw new ModuleDefinitionException($"{type.Name} needs a [Module(name, description)] attribute.");
        if (!ModuleName().IsMatch(attribute.Name))
        {
            throw new ModuleDefinitionException($"Module name '{attribute.Name}' must be 1-32 lowercase letters, digits, '-' or '_'.");
        }

        var module = new ModuleInfo(type, attribute);
        AddHandlers(module, type, type.GetCustomAttribute<GroupAttribute>() is { } group ? [group] : []);
        return module;
    }

    private static void AddHandlers(ModuleInfo module, Type type, IReadOnlyList<GroupAttribute> groups)
    {
        foreach (var method in type.GetMethods(HandlerMethods))
        {
            if (method.GetCustomAttribute<SlashCommandAttribute>() is { } slash)
            {
                module.CommandList.Add(new CommandInfo(module, method, slash, groups));
            }

            if (method.GetCustomAttribute<ComponentInteractionAttribute>() is { } component)
            {
                module.CustomIdHandlers.Add(new CustomIdHandlerInfo(module, method, component.CustomId, isModal: false));
            }

            if (method.GetCustomAttribute<ModalInteractionAttribute>() is { } modal)
            {
                module.CustomIdHandlers.Add(new CustomIdHandlerInfo(module, method, modal.CustomId, isModal: true));
            }

            module.Listeners.AddRange(method.GetCustomAttributes<GatewayEventAttribute>().Select(e => new ListenerInfo(module, method, e.EventName)));

            if (method.GetCustomAttribute<LoopAttribute>() is { } loop)
            {
                module.Loops.Add(new LoopInfo(module, method, loop.Interval));
            }
        }

        foreach (var nested in type.GetNestedTypes().Where(n => n.GetCustomAttribute<GroupAttribute>() is not null))
        {
            if (groups.Count > 1 || !typeof(BotModule).IsAssignableFrom(nested))
            {
                throw new ModuleDefinitionException(
                    $"{nested.Name}: a [Group] class is a BotModule nested at most two deep (a command, then a " +
                    $"subcommand group), as Discord allows.");
            }

            AddHandlers(module, nested, [.. groups, nested.GetCustomAttribute<GroupAttribute>()!]);
        }
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex ModuleName();
}

/// <summary>A module type the bot should load; <c>AddBotModule&lt;T&gt;()</c> registers one.</summary>
internal sealed record ModuleRegistration(Type Type);
