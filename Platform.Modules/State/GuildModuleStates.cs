using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Modules.Catalog;

namespace Platform.Modules.State;

/// <summary>
/// Which modules are on in each guild, and their settings, read from <c>guild_modules</c> once and
/// kept in memory. A <c>GuildModulesChanged</c> message on Redis drops a guild's copy at once; the
/// copy also expires, in case a message was missed while Redis was away.
/// </summary>
internal sealed class GuildModuleStates(IServiceScopeFactory scopes, ModuleCatalog catalog, TimeProvider time) : IGuildModules, IDisposable
{
    private readonly GuildCache<IReadOnlyDictionary<string, ModuleRow>> guilds = new("module_states", time);

    public async ValueTask<bool> IsEnabledAsync(ulong guildId, ModuleInfo module, CancellationToken cancellationToken) =>
        !module.CanBeDisabled
        || ((await GetAsync(guildId, cancellationToken)).TryGetValue(module.Name, out var row) ? row.Enabled : module.EnabledByDefault);

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<ModuleInfo>> EnabledModulesAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var enabled = new List<ModuleInfo>();
        foreach (var module in catalog.Modules)
        {
            if (await IsEnabledAsync(guildId, module, cancellationToken))
            {
                enabled.Add(module);
            }
        }

        return enabled;
    }

    public async ValueTask<string?> SettingsAsync(ulong guildId, string module, CancellationToken cancellationToken) =>
        (await GetAsync(guildId, cancellationToken)).TryGetValue(module, out var row) ? row.Settings : null;

    public void Invalidate(ulong guildId) => guilds.Invalidate(guildId);

    public void InvalidateAll() => guilds.InvalidateAll();

    public void Dispose() => guilds.Dispose();

    private Task<IReadOnlyDictionary<string, ModuleRow>> GetAsync(ulong guildId, CancellationToken cancellationToken) =>
        guilds.GetAsync(guildId, LoadAsync, cancellationToken);

    private async Task<IReadOnlyDictionary<string, ModuleRow>> LoadAsync(ulong guildId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.GuildModules.AsNoTracking()
            .Where(m => m.GuildId == (long)guildId)
            .ToDictionaryAsync(m => m.Module, m => new ModuleRow(m.Enabled, m.Settings), StringComparer.Ordinal);
    }

    private sealed record ModuleRow(bool Enabled, string Settings);
}
