using System.Net;
using System.Net.Sockets;

namespace Platform.Deployment.Tests;

/// <summary>The networks of the design, measured from inside the containers and on the host.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class IsolationTests(DeploymentFixture deployment)
{
    [Theory]
    [InlineData("postgres", 5432)]
    [InlineData("redis", 6379)]
    public async Task The_frontend_cannot_open_a_connection_to_the_data_stores_which_the_api_and_the_bot_can(string host, int port)
    {
        var script =
            $"require('net').connect({port},'{host}')" +
            ".on('connect',()=>{console.log('connected');process.exit(0)})" +
            ".on('error',e=>{console.log(e.code);process.exit(1)});" +
            "setTimeout(()=>{console.log('timeout');process.exit(1)},3000)";

        var frontend = await deployment.Compose.ExecAsync("frontend", "node", "-e", script);
        var api = await deployment.Compose.ExecAsync("api", "bash", "-c", $"exec 3<>/dev/tcp/{host}/{port}");
        var bot = await deployment.Compose.ExecAsync("bot", "bash", "-c", $"exec 3<>/dev/tcp/{host}/{port}");

        Assert.NotEqual(0, frontend.ExitCode);
        Assert.DoesNotContain("connected", frontend.Output);
        Assert.Equal((0, 0), (api.ExitCode, bot.ExitCode));
    }

    [Fact]
    public async Task A_service_only_on_dbnet_reaches_neither_the_host_side_of_another_network_nor_the_internet()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var intranetGateway = await GatewayAsync("intranet");

        var fromIntranet = await ConnectFromAsync("intranet", intranetGateway, port);
        var fromDbnet = await ConnectFromAsync("dbnet", intranetGateway, port);
        var outFromDbnet = await ConnectFromAsync("dbnet", "deb.debian.org", 80);

        Assert.True(
            fromIntranet.ExitCode == 0,
            $"The control failed: a container on intranet could not reach {intranetGateway}:{port}.\n{fromIntranet.Error}");
        Assert.NotEqual(0, fromDbnet.ExitCode);
        Assert.NotEqual(0, outFromDbnet.ExitCode);
    }

    [Fact]
    public async Task On_the_host_only_the_frontend_and_the_dashboard_on_loopback_are_published()
    {
        var published = new List<string>();
        foreach (var service in new[] { "postgres", "redis", "api", "bot", "frontend", "dashboard" })
        {
            var ports = (await Podman.RunAsync("port", await deployment.Compose.ContainerAsync(service))).EnsureSuccess();
            published.AddRange(ports.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => $"{service} {line.Trim()}"));
        }

        Assert.Equal(["dashboard 18888/tcp -> 127.0.0.1:18888", "frontend 3000/tcp -> 0.0.0.0:3000"], published.Order(StringComparer.Ordinal));
    }

    private async Task<string> GatewayAsync(string network) =>
        (
            await Podman.RunAsync(
                "network",
                "inspect",
                $"{deployment.Compose.Name}_{network}",
                "--format",
                "{{range .Subnets}}{{.Gateway}}{{end}}"))
            .EnsureSuccess()
            .Output.Trim();

    /// <summary>A TCP connection tried from a fresh container on one of the bundle's networks.</summary>
    private async Task<ToolResult> ConnectFromAsync(string network, string host, int port) =>
        await Podman.RunAsync("run", "--rm", "--ulimit", "host", "--network", $"{deployment.Compose.Name}_{network}",
            "mcr.microsoft.com/dotnet/aspnet:10.0", "timeout", "5", "bash", "-c", $"exec 3<>/dev/tcp/{host}/{port}");
}
