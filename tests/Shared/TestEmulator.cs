using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Platform.Discord.Json;
using Platform.Discord.Rest;
using Platform.DiscordEmulator;
using Platform.DiscordEmulator.Control;
using Platform.DiscordEmulator.Gateway;

namespace Platform.Testing.Discord;

/// <summary>The Discord emulator on a loopback port of its own, for one test.</summary>
public sealed class TestEmulator : IAsyncDisposable
{
    public const string Token = "test-bot-token";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new SnowflakeConverter() },
    };

    private readonly WebApplication app;

    private TestEmulator(WebApplication app)
    {
        this.app = app;
        BaseAddress = app.BaseAddress();
        Control = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public Uri RestBase => new(BaseAddress, "/api/v10/");

    public Uri GatewayUrl => new($"ws://{BaseAddress.Authority}/gateway");

    public HttpClient Control { get; }

    /// <param name="settings">Emulator settings as <c>Name=value</c>, e.g. <c>Shards=4</c>.</param>
    public static async Task<TestEmulator> StartAsync(params string[] settings)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            $"--Emulator:BotToken={Token}",
            .. settings.Select(setting => $"--Emulator:{setting}"),
        ];
        var app = DiscordEmulatorApp.Create(args);
        await app.StartAsync();
        return new TestEmulator(app);
    }

    public async Task<IReadOnlyList<SessionView>> SessionsAsync() =>
        (await Control.GetFromJsonAsync<List<SessionView>>("/control/sessions", Json))!;

    public async Task<IReadOnlyList<IdentifyRecord>> IdentifiesAsync() =>
        (await Control.GetFromJsonAsync<List<IdentifyRecord>>("/control/identifies", Json))!;

    public async Task FaultAsync(string kind, int? shardId = null, int? code = null, bool? resumable = null, bool? on = null, int? ms = null)
    {
        using var response = await Control.PostAsJsonAsync("/control/faults", new FaultRequest(kind, shardId, code, resumable, on, ms), Json);
        response.EnsureSuccessStatusCode();
    }

    /// <param name="rate">Events a second (one payload, sent every time); all at once when null.</param>
    public async Task StreamAsync(int count, int? shardId = null, int contentLength = 500, double? rate = null)
    {
        var request = new StreamRequest(count, shardId, contentLength, ReusePayload: rate is not null, Rate: rate);
        using var response = await Control.PostAsJsonAsync("/control/stream", request, Json);
        response.EnsureSuccessStatusCode();
    }

    public DiscordRestClient RestClient(string token = Token, Func<DiscordRestOptions, DiscordRestOptions>? configure = null)
    {
        var options = new DiscordRestOptions { Token = token, BaseAddress = RestBase };
        return new DiscordRestClient(new HttpClient(), configure?.Invoke(options) ?? options);
    }

    public async Task<T> PostAsync<T>(string path, object body)
    {
        using var response = await Control.PostAsJsonAsync(path, body, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public async Task PostAsync(string path, object body)
    {
        using var response = await Control.PostAsJsonAsync(path, body, Json);
        response.EnsureSuccessStatusCode();
    }

    public async Task PatchAsync(string path, object body)
    {
        using var response = await Control.PatchAsJsonAsync(path, body, Json);
        response.EnsureSuccessStatusCode();
    }

    public async Task DeleteAsync(string path)
    {
        using var response = await Control.DeleteAsync(path);
        response.EnsureSuccessStatusCode();
    }

    public async Task<int> InvalidRequestsAsync() =>
        (await Control.GetFromJsonAsync<RestView>("/control/rest", Json))!.InvalidRequestsLastTenMinutes;

    public async Task<IReadOnlyList<Platform.Discord.Models.Guild>> GuildsAsync() =>
        (await Control.GetFromJsonAsync<List<Platform.Discord.Models.Guild>>("/control/guilds", Json))!;

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
