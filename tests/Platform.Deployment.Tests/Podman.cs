using System.Diagnostics;
using System.Text.Json;

namespace Platform.Deployment.Tests;

/// <summary>Podman as this machine runs it: rootful, driven by docker-compose through its Docker-compatible socket.</summary>
public static class Podman
{
    public const string Socket = "/run/podman/podman.sock";

    public static string DockerHost => $"unix://{Socket}";

    /// <summary>Starts Podman's API service unless one answers already; it stays for later runs, as a system service would.</summary>
    public static async Task EnsureServiceAsync()
    {
        if (await AnswersAsync())
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Socket)!);
        _ = Process.Start(new ProcessStartInfo("podman") { ArgumentList = { "system", "service", "--time=0", DockerHost } })
            ?? throw new InvalidOperationException("podman system service did not start.");
        await Eventually.TrueAsync(AnswersAsync, "Podman's API socket", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
    }

    public static Task<ToolResult> RunAsync(params string[] arguments) => Tool.RunAsync("podman", arguments);

    public static async Task<JsonElement> InspectAsync(string kind, string name)
    {
        var inspected = (await RunAsync(kind, "inspect", name)).EnsureSuccess();
        using var document = JsonDocument.Parse(inspected.Output);
        return document.RootElement[0].Clone();
    }

    private static async Task<bool> AnswersAsync()
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
                await socket.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(Socket), cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        });
        try
        {
            return (await client.GetAsync("http://podman/_ping")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
