using Microsoft.Extensions.Logging.Abstractions;
using Platform.Discord.Gateway;
using Platform.Discord.Rest;

namespace Platform.Discord.Tests;

/// <summary>A <see cref="DiscordGatewayClient"/> pointed at a <see cref="TestEmulator"/>, collecting what it receives.</summary>
public sealed class GatewayTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient http;
    private readonly List<GatewayDispatch> received = [];
    private readonly Lock gate = new();
    private Task reading = Task.CompletedTask;

    private GatewayTestClient(DiscordGatewayClient client, HttpClient http)
    {
        Client = client;
        this.http = http;
    }

    public DiscordGatewayClient Client { get; }

    public GatewayShard Shard => Client.Shards[0];

    public IReadOnlyList<GatewayDispatch> Received
    {
        get
        {
            lock (gate)
            {
                return [.. received];
            }
        }
    }

    public static async Task<GatewayTestClient> StartAsync(
        TestEmulator emulator,
        Func<DiscordGatewayOptions, DiscordGatewayOptions>? configure = null,
        TimeSpan? identifyInterval = null,
        bool read = true)
    {
        var options = new DiscordGatewayOptions { Token = TestEmulator.Token };
        options = configure?.Invoke(options) ?? options;
        var http = new HttpClient();
        var rest = new DiscordRestClient(
            http,
            new DiscordRestOptions { Token = options.Token, BaseAddress = emulator.RestBase });
        var coordinator = new InProcessIdentifyCoordinator(
            TimeProvider.System,
            identifyInterval ?? InProcessIdentifyCoordinator.DiscordBucketInterval);
        var client = new DiscordGatewayClient(
            options,
            rest,
            coordinator,
            NullLoggerFactory.Instance,
            TimeProvider.System);
        var test = new GatewayTestClient(client, http);
        await client.StartAsync(CancellationToken.None);
        if (read)
        {
            test.reading = test.ReadAllAsync();
        }

        return test;
    }

    /// <summary>Waits until the events received so far satisfy <paramref name="condition"/>.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<GatewayDispatch>, bool> condition)
    {
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(condition(Received)), "the expected gateway events");
        }
        catch (TimeoutException timeout)
        {
            // What arrived and the shard's state are what a failure on a slow machine needs to be read.
            throw new TimeoutException(
                $"{timeout.Message} Received: {string.Join(", ", Received.Select(e => e.Name))}. Shard: {Shard.Status}.",
                timeout);
        }
    }

    private async Task ReadAllAsync()
    {
        await foreach (var dispatch in Client.Dispatches.ReadAllAsync())
        {
            lock (gate)
            {
                received.Add(dispatch);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await reading;
        http.Dispose();
    }
}
