using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Discord.Models;

/// <summary>
/// Every object Discord sends. Fields this library does not type are kept here and written back
/// unchanged, so nothing Discord documents (or adds tomorrow) is lost on a round trip.
/// </summary>
public abstract record DiscordObject
{
    // Settable, not init-only: the source generator passes init-only properties through the
    // constructor, and extension data may not bind to a constructor parameter.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
