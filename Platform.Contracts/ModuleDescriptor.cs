using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Contracts;

/// <summary>
/// A module as the bot describes it to the api: what it is, whether a guild can turn it off, and the
/// JSON Schema its settings must match. The bot publishes the list at start-up; the api reads it to
/// list, toggle and validate modules without loading the bot's code.
/// </summary>
public sealed record ModuleDescriptor(
    string Name,
    string Description,
    bool EnabledByDefault,
    bool CanBeDisabled,
    IReadOnlyList<string> Commands,
    JsonObject? SettingsSchema,
    JsonObject? DefaultSettings)
{
    public static string Serialize(IReadOnlyList<ModuleDescriptor> modules) => JsonSerializer.Serialize(modules, RealtimeJson.Options);

    public static IReadOnlyList<ModuleDescriptor> Parse(string json) =>
        JsonSerializer.Deserialize<IReadOnlyList<ModuleDescriptor>>(json, RealtimeJson.Options) ?? [];
}
