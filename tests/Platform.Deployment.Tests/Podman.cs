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
        if (await AnswersAsync() && !await LostItsDirectoryAsync())
        {
            return;
        }

        // In a session of its own, writing to a file, from /: nothing of the run that starts it may go with that run.
        // A service that inherited this test host's output pipe died of SIGPIPE in the next run's image build once the
        // host was gone; one started in a checkout that was then deleted still answered, but conmon could not start
        // a container ("write child: broken pipe").
        Directory.CreateDirectory(Path.GetDirectoryName(Socket)!);
        var start = $"setsid podman system service --time=0 {DockerHost} </dev/null >>'{ServiceLog}' 2>&1 &";
        (await Tool.RunAsync("sh", ["-c", start], workingDirectory: "/")).EnsureSuccess();
        await Eventually.TrueAsync(AnswersAsync, "Podman's API socket", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
    }

    public static Task<ToolResult> RunAsync(params string[] arguments) => Tool.RunAsync("podman", arguments);

    public static async Task<JsonElement> InspectAsync(string kind, string name)
    {
        var inspected = (await RunAsync(kind, "inspect", name)).EnsureSuccess();
        using var document = JsonDocument.Parse(inspected.Output);
        return document.RootElement[0].Clone();
    }

    /// <summary>Whether the running service's working directory is gone; if so, it is stopped to be started anew.</summary>
    private static async Task<bool> LostItsDirectoryAsync()
    {
        var service = await Tool.RunAsync("pgrep", ["-f", "podman system service"]);
        var lost = service.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(pid => File.ResolveLinkTarget($"/proc/{pid}/cwd", returnFinalTarget: false)?.FullName
                .EndsWith(" (deleted)", StringComparison.Ordinal) == true)
            .ToList();
        foreach (var pid in lost)
        {
            await Tool.RunAsync("kill", [pid]);
        }

        if (lost.Count > 0)
        {
            await Eventually.TrueAsync(async () => !await AnswersAsync(), "the old service gone", TimeSpan.FromSeconds(30));
        }

        return lost.Count > 0;
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
