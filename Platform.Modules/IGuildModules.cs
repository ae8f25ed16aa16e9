using Platform.Modules.Catalog;

namespace Platform.Modules;

/// <summary>
/// Which of the bot's modules are on in a guild, for a module that lists or explains them, as <c>/help</c> does. It reads
/// the same per-guild copy the framework checks every command against, so the answer matches what members can run.
/// </summary>
public interface IGuildModules
{
    /// <summary>The modules on in the guild, in name order.</summary>
    ValueTask<IReadOnlyList<ModuleInfo>> EnabledModulesAsync(ulong guildId, CancellationToken cancellationToken);
}
