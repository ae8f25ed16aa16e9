using System.Text.Json;

namespace Platform.Contracts;

/// <summary>How the bot and the api write what they share through Redis: snake_case JSON, like the rest of the platform's wire formats.</summary>
public static class RealtimeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The message, or null when it is not one (a publisher of another version, a typo at a redis-cli).</summary>
    public static T? TryParse<T>(string message) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(message, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
