using System.Text.Json;

namespace Platform.Data.Realtime;

/// <summary>How the bot and the api write what they share through Redis: snake_case JSON, like the rest of the platform's wire formats.</summary>
public static class RealtimeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
