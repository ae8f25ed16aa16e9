using System.Text.Json;

namespace Platform.Testing;

/// <summary>A member's slash command through the Discord emulator's control API, wherever the emulator runs.</summary>
public static class EmulatorInteractions
{
    /// <summary>The emulator's guilds, as its control API lists them.</summary>
    public static async Task<JsonElement> GuildsAsync(HttpClient discord, CancellationToken cancellationToken)
    {
        using var guilds = JsonDocument.Parse(await discord.GetStringAsync("/control/guilds", cancellationToken));
        return guilds.RootElement.Clone();
    }

    /// <summary>What the member finally sees: the callback's text, or the edit that followed a deferral (a cold bot may defer).</summary>
    /// <param name="settleMs">How long the reply must stay unchanged to count as final: a streamed answer is edited in pieces.</param>
    public static async Task<string?> InvokeAsync(
        HttpClient discord,
        JsonElement guild,
        string command,
        string options,
        CancellationToken cancellationToken,
        int settleMs = 250)
    {
        var body = $$"""
            {"guild_id":"{{guild.GetProperty("id").GetString()}}","user_id":"{{guild.GetProperty(
                "owner_id"
            ).GetString()}}","name":"{{command}}","wait_ms":15000,"settle_ms":{{settleMs}},
             "options":{{options}}}
            """;
        using var response = await discord.PostAsync(
            "/control/interactions",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The emulator refused the interaction: {text}", null, response.StatusCode);
        }

        using var transcript = JsonDocument.Parse(text);
        // No callback when the bot did not answer, or had no session yet.
        var callback = transcript.RootElement.TryGetProperty("callback", out var found) ? found : default;
        var entries = transcript.RootElement.GetProperty("responses").EnumerateArray().Prepend(callback);
        return entries
            .Select(entry =>
                entry.ValueKind == JsonValueKind.Object
                && entry.TryGetProperty("data", out var data)
                && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("content", out var content)
                    ? content.GetString()
                    : null)
            .LastOrDefault(content => content is not null);
    }
}
