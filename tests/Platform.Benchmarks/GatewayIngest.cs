using Microsoft.Extensions.Logging.Abstractions;
using Platform.Discord.Gateway;
using Platform.Discord.Json;
using Platform.Discord.Rest;

namespace Platform.Benchmarks;

/// <summary>
/// MESSAGE_CREATE events through one shard of <see cref="DiscordGatewayClient"/>: once as raw dispatches, what the
/// gateway layer hands the bot (which reads an event only when something handles it), and once each read into a typed
/// Message, what a consumer of @discordjs/ws gets (it parses every payload whole).
/// </summary>
internal static class GatewayIngest
{
    private const string Client = "Platform.Discord";

    public static async Task<int> RunAsync(IngestRun run)
    {
        var rest = new DiscordRestClient(
            new HttpClient(),
            new DiscordRestOptions { Token = run.Token, BaseAddress = new Uri(run.Emulator, "/api/v10/") });
        var gateway = new DiscordGatewayClient(
            new DiscordGatewayOptions { Token = run.Token, Compress = run.Compress },
            rest,
            new InProcessIdentifyCoordinator(),
            NullLoggerFactory.Instance,
            TimeProvider.System);
        await gateway.StartAsync(CancellationToken.None);
        await ReadAsync(gateway, 0, typed: false, untilReady: true);
        await run.WarmUpAsync(async events =>
        {
            await ReadAsync(gateway, events / 2, typed: false);
            await ReadAsync(gateway, events - events / 2, typed: true);
        });

        await run.MeasureAsync(Client, "raw dispatch", events => ReadAsync(gateway, events, typed: false));
        await run.MeasureAsync(Client, "typed Message", events => ReadAsync(gateway, events, typed: true));

        await gateway.StopAsync();
        return 0;
    }

    // Each dispatch is disposed as the bot's worker does, so its pooled buffer goes back for the next.
    private static async Task ReadAsync(DiscordGatewayClient gateway, int messages, bool typed, bool untilReady = false)
    {
        var seen = 0;
        await foreach (var received in gateway.Dispatches.ReadAllAsync())
        {
            using var dispatch = received;
            if (untilReady && dispatch.Name == GatewayEventNames.Ready)
            {
                return;
            }

            if (dispatch.Name != GatewayEventNames.MessageCreate)
            {
                continue;
            }

            if (typed)
            {
                dispatch.Deserialize(DiscordJsonContext.Default.Message);
            }

            if (++seen == messages)
            {
                return;
            }
        }

        throw new InvalidOperationException("The gateway stopped before the events arrived.");
    }
}
