using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Platform.Contracts;
using Platform.Modules.Catalog;
using StackExchange.Redis;

namespace Platform.Modules.State;

/// <summary>
/// Tells the api which modules this bot has and what their settings look like: each settings class
/// becomes a JSON Schema (with its DataAnnotations rules as keywords), so the api validates a guild
/// admin's settings exactly as the bot will read them.
/// </summary>
internal sealed class ModuleCatalogPublisher(ModuleCatalog catalog, BotIdentity identity, IConnectionMultiplexer redis)
{
    // Strict numbers: the schema says "integer", not the web defaults' "integer or a string of digits".
    private static readonly JsonSerializerOptions SchemaOptions = new(RealtimeJson.Options)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private static readonly JsonSchemaExporterOptions Exporter = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = AddValidationKeywords,
    };

    public Task PublishAsync() =>
        redis.GetDatabase().StringSetAsync(BotRedisKeys.ModuleCatalog(identity.ApplicationId), ModuleDescriptor.Serialize(Describe(catalog.Modules)));

    public static IReadOnlyList<ModuleDescriptor> Describe(IEnumerable<ModuleInfo> modules) =>
        [
            .. modules.Select(module => new ModuleDescriptor(
                module.Name,
                module.Description,
                module.EnabledByDefault,
                module.CanBeDisabled,
                [.. module.Commands.Select(c => c.Path).Distinct()],
                module.SettingsType is { } type ? SchemaOf(type) : null,
                module.SettingsType is { } settings
                    ? JsonSerializer
                        .SerializeToNode(Activator.CreateInstance(settings), settings, SchemaOptions)!
                        .AsObject()
                    : null))];

    private static JsonObject SchemaOf(Type settings)
    {
        var schema = SchemaOptions.GetJsonSchemaAsNode(settings, Exporter).AsObject();
        // Unknown settings are refused rather than stored and silently ignored.
        schema["additionalProperties"] = false;
        return schema;
    }

    private static JsonNode AddValidationKeywords(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (context.PropertyInfo?.AttributeProvider is not { } attributes || schema is not JsonObject keywords)
        {
            return schema;
        }

        foreach (var attribute in attributes.GetCustomAttributes(inherit: true))
        {
            switch (attribute)
            {
                case RangeAttribute range:
                    keywords["minimum"] = JsonValue.Create(Convert.ToDouble(range.Minimum, System.Globalization.CultureInfo.InvariantCulture));
                    keywords["maximum"] = JsonValue.Create(Convert.ToDouble(range.Maximum, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case StringLengthAttribute length:
                    keywords["minLength"] = length.MinimumLength;
                    keywords["maxLength"] = length.MaximumLength;
                    break;
                case MaxLengthAttribute max:
                    keywords[schema["type"]?.ToString() == "array" ? "maxItems" : "maxLength"] = max.Length;
                    break;
                case RegularExpressionAttribute pattern:
                    keywords["pattern"] = pattern.Pattern;
                    break;
            }
        }

        return schema;
    }
}
