using System.Net.WebSockets;
using System.Text;
using Platform.Discord.Rest;

namespace Platform.Benchmarks;

/// <summary>
/// The emulator's bare ceiling: a WebSocket that identifies and then only counts whole frames, reading none of them
/// (compressed ones are not even inflated). What the emulator sends to it is as fast as it can send.
/// </summary>
internal static class GatewaySink
{
    // HELLO, READY and the one guild's GUILD_CREATE (the script's emulator has one guild) come before the stream.
    private const int Preamble = 3;

    public static async Task<int> RunAsync(IngestRun run)
    {
        var rest = new DiscordRestClient(
            new HttpClient(),
            new DiscordRestOptions { Token = run.Token, BaseAddress = new Uri(run.Emulator, "/api/v10/") });
        var gateway = await rest.GetGatewayBotAsync(CancellationToken.None);
        using var socket = new ClientWebSocket();
        var query = run.Compress ? "v=10&encoding=json&compress=zlib-stream" : "v=10&encoding=json";
        await socket.ConnectAsync(new UriBuilder(gateway.Url) { Query = query }.Uri, CancellationToken.None);
        var buffer = new byte[64 * 1024];
        await CountFramesAsync(socket, buffer, 1);
        var identify = $$$$"""
            {"op":2,"d":{"token":"{{{{run.Token}}}}","intents":1,"properties":{"os":"linux","browser":"sink","device":"sink"}}}
            """;
        await socket.SendAsync(Encoding.UTF8.GetBytes(identify), WebSocketMessageType.Text, true, CancellationToken.None);
        await CountFramesAsync(socket, buffer, Preamble - 1);
        await run.WarmUpAsync(events => CountFramesAsync(socket, buffer, events));

        await run.MeasureAsync("bare WebSocket", "frames counted", events => CountFramesAsync(socket, buffer, events));
        socket.Abort();
        return 0;
    }

    private static async Task CountFramesAsync(ClientWebSocket socket, byte[] buffer, int frames)
    {
        for (var seen = 0; seen < frames;)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"The emulator closed the socket ({socket.CloseStatus}).");
            }

            if (result.EndOfMessage)
            {
                seen++;
            }
        }
    }
}
