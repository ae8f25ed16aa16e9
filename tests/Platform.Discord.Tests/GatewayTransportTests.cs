using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Platform.Discord.Gateway;

namespace Platform.Discord.Tests;

/// <summary>
/// The gateway's own connection (TCP, TLS, the upgrade) against a WebSocket server that is not the emulator: over
/// TLS as Discord serves it (wss), the emulator being plain HTTP, and refusing what is not a WebSocket.
/// </summary>
public sealed class GatewayTransportTests
{
    [Fact]
    public async Task A_wss_connection_carries_the_first_frame_and_an_echo_both_ways()
    {
        await using var server = await StartServerAsync();

        using var socket = await Task.Run(() => GatewayTransport.Connect(
            new Uri($"wss://localhost:{server.Port}/?v=10&encoding=json"),
            CancellationToken.None,
            (_, certificate, _, _) => certificate?.GetCertHashString() == server.Certificate.GetCertHashString()));
        var hello = await ReceiveTextAsync(socket);
        await socket.SendAsync(Encoding.UTF8.GetBytes("ping"), WebSocketMessageType.Text, true, CancellationToken.None);

        Assert.Equal("hello ?v=10&encoding=json", hello);
        Assert.Equal("echo ping", await ReceiveTextAsync(socket));
    }

    [Fact]
    public async Task A_server_that_does_not_upgrade_is_refused_with_its_status()
    {
        await using var server = await StartServerAsync();

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => Task.Run(() => GatewayTransport.Connect(
            new Uri($"wss://localhost:{server.Port}/not-a-socket"),
            CancellationToken.None,
            (_, _, _, _) => true)));

        Assert.Contains("404", refused.Message);
    }

    [Fact]
    public async Task A_certificate_the_machine_does_not_trust_is_refused()
    {
        await using var server = await StartServerAsync();

        await Assert.ThrowsAsync<WebSocketException>(() => Task.Run(() => GatewayTransport.Connect(
            new Uri($"wss://localhost:{server.Port}/"),
            CancellationToken.None)));
    }

    private static async Task<string> ReceiveTextAsync(WebSocket socket)
    {
        var buffer = new byte[1024];
        var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }

    private static async Task<TlsServer> StartServerAsync()
    {
        var certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await socket.SendAsync(Encoding.UTF8.GetBytes($"hello {context.Request.QueryString}"), WebSocketMessageType.Text, true, default);
            var buffer = new byte[1024];
            var received = await socket.ReceiveAsync(buffer, default);
            var echo = Encoding.UTF8.GetBytes("echo " + Encoding.UTF8.GetString(buffer, 0, received.Count));
            await socket.SendAsync(echo, WebSocketMessageType.Text, true, default);
            await socket.ReceiveAsync(buffer, default);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TlsServer(app, certificate, new Uri(address).Port);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private sealed record TlsServer(WebApplication App, X509Certificate2 Certificate, int Port) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            Certificate.Dispose();
        }
    }
}
