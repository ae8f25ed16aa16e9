namespace Platform.DiscordEmulator.Gateway;

/// <summary>
/// The gateway addresses handed to clients, on the host they used to reach the emulator. Like
/// Discord's, they carry no query string: clients append their own.
/// </summary>
public static class GatewayUrls
{
    public static string Connect(HttpRequest request) => $"{Scheme(request)}://{request.Host}/gateway";

    public static string Resume(HttpRequest request) => $"{Scheme(request)}://{request.Host}/gateway/resume";

    private static string Scheme(HttpRequest request) => request.IsHttps ? "wss" : "ws";
}
