using System.Text.Json;

namespace Platform.Deployment.Tests;

/// <summary>Podman as this machine runs it: rootful, driven by docker-compose through its Docker-compatible socket.</summary>
public static class Podman
{
    public const string Socket = "/run/podman/podman.sock";

    public static string DockerHost => $"unix://{Socket}";

    private static string ServiceLog => Path.Combine(Path.GetDirectoryName(Socket)!, "service.log");

    /// <summary>Starts Podman's API service unless one answers already; it stays for later runs, as a system service would.</summary>
    public static async Task EnsureServiceAsync()
    {
        if (await AnswersAsync())
        {
            return;
        }

        // In a session of its own, writing to a file: a service that inherited this test host's output pipe died of
        // SIGPIPE in the next run's image build, once the host that had started it was gone.
        Directory.CreateDirectory(Path.GetDirectoryName(Socket)!);
        (await Tool.RunAsync("sh", ["-c", $"setsid podman system service --time=0 {DockerHost} </dev/null >>'{ServiceLog}' 2>&1 &"])).EnsureSuccess();
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
        using var client = new HttpClient(
            new SocketsHttpHandler
            {
                ConnectCallback = async (_, cancellationToken) =>
                {
                    var socket = new System.Net.Sockets.Socket(
                        System.Net.Sockets.AddressFamily.Unix,
                        System.Net.Sockets.SocketType.Stream,
                        System.Net.Sockets.ProtocolType.Unspecified);
                    await socket.ConnectAsync(
                        new System.Net.Sockets.UnixDomainSocketEndPoint(Socket),
                        cancellationToken);
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
