using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Platform.Discord.Tests;

/// <summary>A bare WebSocket to the emulator's gateway, so its rules are tested without our client in the way.</summary>
public sealed class RawGateway(ClientWebSocket socket) : IAsyncDisposable
{
    public static async Task<RawGateway> ConnectAsync(TestEmulator emulator, string path = "/gateway", string query = "v=10&encoding=json")
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{emulator.BaseAddress.Authority}{path}?{query}"), CancellationToken.None);
        return new RawGateway(socket);
    }

    public static string Identify(string token = TestEmulator.Token, int intents = 1, int shard = 0, int shards = 1) =>
        $$$"""
        {"op":2,"d":{"token":"{{{token}}}","intents":{{{intents}}},
            "properties":{"os":"linux","browser":"raw","device":"raw"},"shard":[{{{shard}}},{{{shards}}}]}}
        """;

    public Task SendAsync(string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message as JSON, or null when the server closed the socket.</summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(GatewayTestClient.Timeout);
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(chunk, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    /// <summary>Reads until the server closes, returning its close code.</summary>
    public async Task<int?> ReceiveCloseAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return (int?)socket.CloseStatus;
    }

    /// <summary>Reads until a message with this opcode (and event name, for dispatches) arrives.</summary>
    public async Task<JsonElement> ReceiveOpAsync(int op, string? eventName = null)
    {
        while (await ReceiveAsync() is { } message)
        {
            if (message.GetProperty("op").GetInt32() == op
                && (eventName is null || message.GetProperty("t").GetString() == eventName))
            {
                return message;
            }
        }

        throw new InvalidOperationException($"The server closed ({socket.CloseStatus}) before op {op} {eventName} arrived.");
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "test done", CancellationToken.None);
        }

        socket.Dispose();
    }
}
