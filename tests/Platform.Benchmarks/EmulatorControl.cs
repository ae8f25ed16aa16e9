using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Benchmarks;

/// <summary>The few control calls the benchmarks make, with the emulator's snake_case bodies.</summary>
internal sealed class EmulatorControl(Uri emulator)
{
    private readonly HttpClient http = new() { BaseAddress = emulator, Timeout = TimeSpan.FromMinutes(10) };

    /// <param name="rate">Events a second; as fast as the client reads them when null.</param>
    public Task<HttpResponseMessage> StreamAsync(int count, int contentLength, double? rate = null) =>
        http.PostAsJsonAsync("/control/stream", new { count, content_length = contentLength, reuse_payload = true, rate });

    /// <summary>Members of every guild using <paramref name="command"/>, the guilds drawn by a Zipf law (<c>ZipfGuilds</c>).</summary>
    public async Task<LoadResult> ZipfLoadAsync(string command, int rate, TimeSpan duration, double exponent)
    {
        using var response = await http.PostAsJsonAsync("/control/interactions/load", new
        {
            interaction = new { guild_id = "0", user_id = "0", name = command },
            rate,
            seconds = duration.TotalSeconds,
            zipf_exponent = exponent,
        });
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<LoadResult>(SnakeCase))!;
    }

    public static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}

/// <summary>The emulator's <c>LoadResult</c>: first answers timed from each interaction's creation.</summary>
internal sealed record LoadResult(
    int Sent, int Answered, double P50Ms, double P99Ms, double MaxMs, double AchievedRate, double CpuUsPerInteraction, int Guilds,
    long LateCallbacks);
