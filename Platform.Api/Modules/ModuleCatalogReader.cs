using System.Collections.Concurrent;
using Json.Schema;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Contracts;
using StackExchange.Redis;

namespace Platform.Api.Modules;

/// <summary>The modules the running bot published, with their settings schemas compiled once each.</summary>
public sealed class ModuleCatalogReader(IConnectionMultiplexer redis, IOptions<DiscordAppSettings> discord)
{
    private readonly ConcurrentDictionary<string, JsonSchema> schemas = new();

    public async Task<IReadOnlyList<ModuleDescriptor>> ReadAsync()
    {
        var json = await redis.GetDatabase().StringGetAsync(BotRedisKeys.ModuleCatalog(discord.Value.ClientId));
        return json.IsNullOrEmpty ? [] : ModuleDescriptor.Parse(json.ToString());
    }

    public JsonSchema SchemaOf(ModuleDescriptor module)
    {
        var text = module.SettingsSchema!.ToJsonString();
        return schemas.GetOrAdd(text, schema => JsonSchema.FromText(schema));
    }
}
