using System.ComponentModel.DataAnnotations;

namespace Platform.Bot.Modules.ModuleName;

/// <summary>What a guild admin can change about this module in the dashboard; the rules are checked there and here.</summary>
public sealed class ModuleNameSettings
{
    [Range(1, 1000)]
    public int MaxEntries { get; set; } = 100;
}
