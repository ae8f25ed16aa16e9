using Platform.Modules.Attributes;

namespace Platform.Modules.Catalog;

/// <summary>A discovered module: its name, its settings type, and everything it handles.</summary>
public sealed class ModuleInfo(Type type, ModuleAttribute attribute)
{
    public Type Type { get; } = type;

    public string Name => attribute.Name;

    public string Description => attribute.Description;

    public bool EnabledByDefault => attribute.EnabledByDefault;

    public bool CanBeDisabled => attribute.CanBeDisabled;

    public Type? SettingsType => attribute.Settings;

    public IReadOnlyList<CommandInfo> Commands => CommandList;

    internal List<CommandInfo> CommandList { get; } = [];

    internal List<CustomIdHandlerInfo> CustomIdHandlers { get; } = [];

    internal List<ListenerInfo> Listeners { get; } = [];

    internal List<LoopInfo> Loops { get; } = [];
}
