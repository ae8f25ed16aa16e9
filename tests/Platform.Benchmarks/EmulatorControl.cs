using System.Net.Http.Json;

namespace Platform.Benchmarks;

/// <summary>The few control calls the benchmarks make, with the emulator's snake_case bodies.</summary>
internal sealed class EmulatorControl(Uri emulator)
{
    private readonly HttpClient http = new() { BaseAddress = emulator, Timeout = TimeSpan.FromMinutes(10) };

    /// <param name="rate">Events a second; as fast as the client reads them when null.</param>
    public Task<HttpResponseMessage> StreamAsync(int count, int contentLength, double? rate = null) =>
        http.PostAsJsonAsync("/control/stream", new { count, content_length = contentLength, reuse_payload = true, rate });
}
