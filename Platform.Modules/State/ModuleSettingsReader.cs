using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Platform.Contracts;
using Platform.Modules.Catalog;

namespace Platform.Modules.State;

/// <summary>
/// Reads a module's settings for a guild into its typed settings class and validates them; stored
/// settings that no longer validate (an older shape, a hand edit) give way to the defaults, with a warning.
/// </summary>
internal sealed partial class ModuleSettingsReader(GuildModuleStates states, ModuleCatalog catalog, ILogger<ModuleSettingsReader> logger)
{
    public async Task<T> ReadAsync<T>(Type moduleType, ulong guildId, CancellationToken cancellationToken) where T : class, new()
    {
        var module = catalog.FindModule(moduleType) ?? throw new InvalidOperationException($"{moduleType.Name} is not a loaded module.");
        if (module.SettingsType != typeof(T))
        {
            throw new InvalidOperationException(
                $"Module '{module.Name}' declares {module.SettingsType?.Name ?? "no"} settings, not {typeof(T).Name}.");
        }

        var json = await states.SettingsAsync(guildId, module.Name, cancellationToken);
        if (string.IsNullOrWhiteSpace(json))
        {
            return new T();
        }

        var errors = new List<ValidationResult>();
        try
        {
            var settings = JsonSerializer.Deserialize<T>(json, RealtimeJson.Options) ?? new T();
            if (Validator.TryValidateObject(settings, new ValidationContext(settings), errors, validateAllProperties: true))
            {
                return settings;
            }
        }
        catch (JsonException error)
        {
            errors.Add(new ValidationResult(error.Message));
        }

        LogInvalidSettings(module.Name, guildId, string.Join("; ", errors.Select(e => e.ErrorMessage)));
        return new T();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settings of module {Module} in guild {GuildId} are not valid, using defaults: {Errors}")]
    private partial void LogInvalidSettings(string module, ulong guildId, string errors);
}
