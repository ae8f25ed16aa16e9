using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Discord.Gateway;
using Platform.Discord.Json;
using Platform.Discord.Rest;

namespace Platform.Benchmarks;

/// <summary>
/// MESSAGE_CREATE events per second through one shard, with bytes allocated per event: once as
/// raw dispatches (what the gateway layer does) and once read into typed Messages (what a
/// consumer of @discordjs/ws gets: it parses every payload whole).
/// </summary>
internal static class GatewayIngest
{
    // With the emulator's author and ids this makes a frame of about 700 bytes.
    private const int ContentLength = 380;
    private const int WarmUpEvents = 20_000;

    public static async Task<int> RunAsync(Uri emulator, string token, int events)
    {
        var rest = new DiscordRestClient(new HttpClient(), new DiscordRestOptions { Token = token, BaseAddress = new Uri(emulator, "/api/v10/") });
        var gateway = new DiscordGatewayClient(
            new DiscordGatewayOptions { Token = token, Compress = false },
            rest, new InProcessIdentifyCoordinator(), NullLoggerFactory.Instance, TimeProvider.System);
        var control = new EmulatorControl(emulator);
        await gateway.StartAsync(CancellationToken.None);
        await ReadAsync(gateway, 0, typed: false, untilReady: true);
        await Task.WhenAll(control.StreamAsync(WarmUpEvents, ContentLength), ReadAsync(gateway, WarmUpEvents, typed: true));

        foreach (var typed in new[] { false, true })
        {
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var timer = Stopwatch.StartNew();
            var stream = control.StreamAsync(events, ContentLength);
            var frameBytes = await ReadAsync(gateway, events, typed);
            var seconds = timer.Elapsed.TotalSeconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            await stream;

            Console.WriteLine(JsonSerializer.Serialize(new
            {
                client = typed ? "Platform.Discord (typed Message)" : "Platform.Discord (raw dispatch)",
                events,
                frameBytes,
                seconds = Math.Round(seconds, 3),
                eventsPerSecond = Math.Round(events / seconds),
                bytesAllocatedPerEvent = Math.Round((double)allocated / events),
                peakRssMiB = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
            }));
        }

        await gateway.StopAsync();
        return 0;
    }

    /// <returns>The size of the last MESSAGE_CREATE frame (data plus envelope).</returns>
    private static async Task<int> ReadAsync(DiscordGatewayClient gateway, int messages, bool typed, bool untilReady = false)
    {
        var seen = 0;
        await foreach (var dispatch in gateway.Dispatches.ReadAllAsync())
        {
            if (untilReady && dispatch.Name == GatewayEventNames.Ready)
            {
                return 0;
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
                return dispatch.Data.Length + 43;
            }
        }

        throw new InvalidOperationException("The gateway stopped before the events arrived.");
    }
}
