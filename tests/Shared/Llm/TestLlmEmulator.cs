using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.AI;
using OpenAI;
using Platform.LlmEmulator;

namespace Platform.Testing.Llm;

/// <summary>The LLM emulator on a loopback port of its own, and clients for it as the bot will build them.</summary>
public sealed class TestLlmEmulator : IAsyncDisposable
{
    public const string ApiKey = "test-llm-key";

    private readonly WebApplication app;

    private TestLlmEmulator(WebApplication app)
    {
        this.app = app;
        Control = new HttpClient { BaseAddress = app.BaseAddress() };
    }

    public HttpClient Control { get; }

    /// <summary>The OpenAI-compatible base address, as the bot's <c>Llm:Endpoint</c> takes it.</summary>
    public Uri Endpoint => new(app.BaseAddress(), "/v1");

    public static async Task<TestLlmEmulator> StartAsync()
    {
        var app = LlmEmulatorApp.Create([
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            $"--LlmEmulator:ApiKey={ApiKey}",
            "--LlmEmulator:ChunkDelayMs=0"]);
        await app.StartAsync();
        return new TestLlmEmulator(app);
    }

    /// <summary>An <see cref="IChatClient"/> over the official OpenAI SDK, with its retries off so every fault shows.</summary>
    public IChatClient ChatClient(string model, string apiKey = ApiKey, TimeSpan? timeout = null) =>
        new OpenAIClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions
        {
            Endpoint = Endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = timeout ?? TimeSpan.FromSeconds(30),
        }).GetChatClient(model).AsIChatClient();

    public async Task FaultAsync(string kind, int count = 1)
    {
        using var response = await Control.PostAsJsonAsync("/control/faults", new { kind, count });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The next <paramref name="count"/> completions answer <paramref name="text"/>.</summary>
    public async Task ReplyAsync(string text, int count = 1)
    {
        using var response = await Control.PostAsJsonAsync("/control/replies", new { text, count });
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
