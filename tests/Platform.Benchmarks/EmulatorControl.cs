using System.Net.Http.Json;

namespace Platform.Benchmarks;

/// <summary>The few control calls the benchmarks make, with the emulator's snake_case bodies.</summary>
internal sealed class EmulatorControl(Uri emulator)
{
    private readonly HttpClient http = new() { BaseAddress = emulator, Timeout = TimeSpan.FromMinutes(10) };

    public Task<HttpResponseMessage> StreamAsync(int count, int contentLength) =>
        http.PostAsJsonAsync("/control/stream", new { count, content_length = contentLength, reuse_payload = true });
}
