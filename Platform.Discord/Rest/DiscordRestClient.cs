using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Platform.Discord.Gateway;
using Platform.Discord.Json;

namespace Platform.Discord.Rest;

/// <summary>Discord's REST API over an <see cref="HttpClient"/> from IHttpClientFactory.</summary>
public sealed class DiscordRestClient
{
    private static readonly string Version = typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    private readonly HttpClient http;

    public DiscordRestClient(HttpClient http, DiscordRestOptions options)
    {
        this.http = http;
        http.BaseAddress = options.BaseAddress;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", options.Token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd($"DiscordBot ({options.UserAgentUrl}, {Version})");
    }

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        GetAsync("gateway/bot", DiscordJsonContext.Default.GatewayBotInfo, cancellationToken);

    private async Task<T> GetAsync<T>(string route, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(route, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken)
            ?? throw new JsonException($"GET {route} returned no body.");
    }

    private static async Task<DiscordApiException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var error = JsonDocument.Parse(body);
            var code = error.RootElement.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : (int?)null;
            var message = error.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? body : body;
            return new DiscordApiException(response.StatusCode, code, message);
        }
        catch (JsonException)
        {
            return new DiscordApiException(response.StatusCode, null, body);
        }
    }
}
