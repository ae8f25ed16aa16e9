using System.Net;
using System.Net.Sockets;

namespace Platform.Bot.Tests;

/// <summary>
/// A TCP forwarder in front of a server, for cutting one process off from it while the others still
/// reach it: <see cref="CutAsync"/> closes every connection and refuses new ones.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string host;
    private readonly int port;
    private readonly CancellationTokenSource cut = new();
    private readonly List<TcpClient> connections = [];
    private readonly Task accepting;

    public TcpProxy(string host, int port)
    {
        (this.host, this.port) = (host, port);
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public async Task CutAsync()
    {
        await cut.CancelAsync();
        listener.Stop();
        lock (connections)
        {
            foreach (var connection in connections)
            {
                connection.Client.Close(0);
            }
        }

        await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task AcceptAsync()
    {
        while (!cut.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(cut.Token);
            var server = new TcpClient();
            await server.ConnectAsync(host, port, cut.Token);
            lock (connections)
            {
                connections.AddRange([client, server]);
            }

            _ = PumpAsync(client.GetStream(), server.GetStream());
            _ = PumpAsync(server.GetStream(), client.GetStream());
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        try
        {
            await from.CopyToAsync(to, cut.Token);
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The proxy was cut, or one side hung up.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!cut.IsCancellationRequested)
        {
            await CutAsync();
        }

        cut.Dispose();
    }
}
