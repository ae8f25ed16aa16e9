namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A container's health check without curl in the image: the service's own binary, started with
/// <c>--health-probe</c>, asks the running service's <c>/health</c> on its first HTTP port and exits 0 if healthy.
/// </summary>
public static class HealthProbe
{
    public const string Argument = "--health-probe";

    public static bool IsRequested(string[] args) => args is [Argument];

    public static async Task<int> RunAsync()
    {
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split([';', ','])[0];
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await client.GetAsync($"http://127.0.0.1:{port}/health");
            Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine(exception.Message);
            return 1;
        }
    }
}
