using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Discord.Gateway;

/// <summary>
/// Opens a gateway WebSocket over a connection of its own (TCP, TLS for <c>wss</c>, the HTTP/1.1 upgrade), all of it
/// synchronous, on the shard's receive thread: a socket that never sees an asynchronous call stays in the kernel's
/// blocking mode, so a read that waits sleeps in the kernel until data comes, with no event loop or thread-pool
/// worker woken in between (<see cref="BlockingStream"/>). Where the machine sends traffic through an HTTP proxy, it
/// uses <see cref="ClientWebSocket"/>, which knows how to go through one.
/// </summary>
internal static class GatewayTransport
{
    private const int MaxResponseHeaderBytes = 16 * 1024;
    private static readonly byte[] HeadersEnd = "\r\n\r\n"u8.ToArray();

    /// <param name="validateCertificate">Tests' own check of the server's certificate; null in production.</param>
    /// <exception cref="WebSocketException">The gateway could not be reached or refused the upgrade.</exception>
    public static WebSocket Connect(
        Uri uri,
        CancellationToken cancellationToken,
        RemoteCertificateValidationCallback? validateCertificate = null)
    {
        var secure = uri.Scheme is "wss" or "https";
        if (HttpClient.DefaultProxy.GetProxy(new UriBuilder(uri) { Scheme = secure ? "https" : "http" }.Uri) is not null)
        {
            var proxied = new ClientWebSocket();
            try
            {
                proxied.ConnectAsync(uri, cancellationToken).GetAwaiter().GetResult();
                return proxied;
            }
            catch
            {
                proxied.Dispose();
                throw;
            }
        }

        var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        // Nothing here takes a token: closing the socket is what ends a connect or a handshake in progress.
        using var abort = cancellationToken.UnsafeRegister(_ => tcp.Dispose(), null);
        try
        {
            tcp.Connect(uri.Host, uri.Port);
            stream = new NetworkStream(tcp, ownsSocket: true);
            if (secure)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false, validateCertificate);
                stream = tls;
                tls.AuthenticateAsClient(new SslClientAuthenticationOptions { TargetHost = uri.IdnHost });
            }

            var received = Upgrade(stream, uri);
            return WebSocket.CreateFromStream(
                new BlockingStream(stream, received),
                new WebSocketCreationOptions { KeepAliveInterval = TimeSpan.Zero });
        }
        catch (Exception error) when (error is SocketException or IOException or AuthenticationException or ObjectDisposedException)
        {
            Close(stream, tcp);
            cancellationToken.ThrowIfCancellationRequested();
            throw new WebSocketException(WebSocketError.Faulted, $"Could not open the gateway at {uri.Host}: {error.Message}", error);
        }
        catch
        {
            Close(stream, tcp);
            throw;
        }
    }

    private static void Close(Stream? stream, Socket tcp)
    {
        stream?.Dispose();
        tcp.Dispose();
    }

    /// <returns>The bytes the server sent after its response's headers: the first frames, if any.</returns>
    private static byte[] Upgrade(Stream stream, Uri uri)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request =
            $"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        stream.Write(Encoding.ASCII.GetBytes(request));

        var response = new byte[MaxResponseHeaderBytes];
        var length = 0;
        int end;
        while ((end = response.AsSpan(0, length).IndexOf(HeadersEnd)) < 0)
        {
            if (length == response.Length)
            {
                throw new WebSocketException(WebSocketError.HeaderError, "The gateway's upgrade response headers are too long.");
            }

            var read = stream.Read(response.AsSpan(length));
            if (read == 0)
            {
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The gateway closed the connection during the upgrade.");
            }

            length += read;
        }

        Check(Encoding.ASCII.GetString(response, 0, end), key);
        return response[(end + HeadersEnd.Length)..length];
    }

    private static void Check(string headers, string key)
    {
        var lines = headers.Split("\r\n");
        if (!lines[0].StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            throw new WebSocketException(WebSocketError.NotAWebSocket, $"The gateway refused the upgrade: {lines[0]}");
        }

        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        string? Header(string name) => lines
            .Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
        if (!"websocket".Equals(Header("Upgrade"), StringComparison.OrdinalIgnoreCase) || Header("Sec-WebSocket-Accept") != accept)
        {
            throw new WebSocketException(WebSocketError.HeaderError, "The gateway's upgrade response is not a valid WebSocket handshake.");
        }
    }
}
