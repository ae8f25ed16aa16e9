using Platform.Discord.Interactions;
using Platform.DiscordEmulator.Interactions;
using Platform.DiscordEmulator.Pacing;
using Platform.DiscordEmulator.World;

namespace Platform.DiscordEmulator.Control;

/// <summary>
/// Members using the bot at a sustained rate, generated inside the emulator so that no HTTP request
/// per interaction competes with the bot for the CPU: the load runs against the bot, not the harness.
/// Each interaction is forgotten, with the message it made, once its first answer is timed (unless that answer
/// deferred, and the bot's real answer is still to come): a load
/// measures first answers, and keeping a thousand interactions a second made the emulator's own garbage
/// collections pause it for tens of milliseconds, time that showed up as the bot's latency.
/// </summary>
public static class InteractionLoad
{
    public static async Task<IResult> RunAsync(
        LoadRequest request, InteractionLauncher launcher, InteractionStore store, MessageLog messages, EmulatorWorld world,
        CancellationToken cancellationToken)
    {
        if (request.Rate is < 1 or > 100_000 || request.Seconds is <= 0 or > 600 || request.LeadInSeconds is < 0 or > 600
            || request.ZipfExponent is <= 0 or > 10)
        {
            return TypedResults.Problem(
                "rate must be 1-100000 per second, seconds 0-600, lead_in_seconds 0-600 and zipf_exponent above 0, at most 10.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var spread = request.ZipfExponent is { } exponent ? ZipfGuilds.Over(world.Guilds, exponent) : null;
        var guilds = new HashSet<ulong>();
        var lateBefore = store.LateCallbacks;

        var untimed = (int)(request.Rate * request.LeadInSeconds);
        var total = untimed + (int)(request.Rate * request.Seconds);
        var timings = new LoadTimings(total, untimed);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var pace = new SteadyRate(request.Rate, total);
        // Open loop: interactions go out on schedule whether or not earlier ones were answered, as members send them.
        for (var sent = 0; sent < total;)
        {
            for (var due = pace.Due; sent < due; sent++)
            {
                var invoke = spread?.Next(request.Interaction) ?? request.Interaction;
                guilds.Add(invoke.GuildId);
                var (record, error, delivered) = await launcher.LaunchAsync(invoke, cancellationToken);
                if (error is not null)
                {
                    return error;
                }

                if (delivered)
                {
                    _ = TimeAndForgetAsync(record!, sent, timings, store, messages, cancellationToken);
                }
                else
                {
                    timings.Record(sent, null);
                }
            }

            await SteadyRate.StepAsync(cancellationToken);
        }

        var achievedRate = Math.Round(total / pace.Elapsed.TotalSeconds, 1);
        await timings.AllTimed.WaitAsync(cancellationToken);
        var cpuUsPerInteraction = Math.Round((Environment.CpuUsage.TotalTime - cpuBefore).TotalMicroseconds / total);
        var answered = timings.Answered();
        double Percentile(double p) =>
            answered.Count == 0 ? double.NaN : Math.Round(answered[(int)Math.Round(p * (answered.Count - 1))], 3);
        return TypedResults.Ok(
            new LoadResult(
                timings.Timed,
                answered.Count,
                Percentile(0.5),
                Percentile(0.99),
                Percentile(1),
                achievedRate,
                cpuUsPerInteraction,
                guilds.Count,
                store.LateCallbacks - lateBefore));
    }

    private static async Task TimeAndForgetAsync(
        InteractionRecord record, int index, LoadTimings timings, InteractionStore store, MessageLog messages, CancellationToken cancellationToken)
    {
        var afterMs = await CallbackAfterAsync(record, cancellationToken);
        // A deferred one is kept: the bot's answer is still to come, to its token, as on Discord for 15 minutes.
        if (record.Callback?.Type is not (
            (int)InteractionCallbackType.DeferredChannelMessageWithSource or (int)InteractionCallbackType.DeferredUpdateMessage))
        {
            store.Forget(record);
            if (record.Original is { } message)
            {
                messages.Remove(message.Id);
            }
        }

        timings.Record(index, afterMs);
    }

    /// <summary>Milliseconds from the interaction's creation to the bot's callback; null when none came within Discord's three seconds.</summary>
    private static async Task<double?> CallbackAfterAsync(InteractionRecord record, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            while (record.Callback is null)
            {
                await record.Changed.WaitAsync(deadline.Token);
            }

            return record.Callback.AfterMs;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}

/// <param name="LeadInSeconds">Sent at the rate before the timed seconds, untimed, so that the timing starts in a load already running.</param>
/// <param name="ZipfExponent">When given, each interaction goes to a guild drawn by <see cref="ZipfGuilds"/>, not the one named.</param>
public sealed record LoadRequest(InvokeRequest Interaction, int Rate, double Seconds, double LeadInSeconds = 0, double? ZipfExponent = null);

/// <param name="CpuUsPerInteraction">
/// The emulator process's CPU time during the whole load, lead-in included, per interaction: what standing in
/// for Discord cost the machine the bot shares. In tests that host the bot in the same process, it counts both.
/// </param>
/// <param name="Guilds">Distinct guilds the interactions went to.</param>
/// <param name="LateCallbacks">Answers refused during the load because they came past Discord's three seconds (10062).</param>
public sealed record LoadResult(
    int Sent, int Answered, double P50Ms, double P99Ms, double MaxMs, double AchievedRate, double CpuUsPerInteraction, int Guilds,
    long LateCallbacks);
