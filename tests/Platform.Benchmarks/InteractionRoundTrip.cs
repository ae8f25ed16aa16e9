using System.Net.Http.Json;
using System.Runtime;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.Data;
using Platform.Data.Modules.Tags;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// Round trip of <c>/tag get</c> (the emulator creates the interaction, the bot reads one row and calls
/// back), at sustained rates, against the same command through an HTTP API, in the same run.
/// </summary>
internal static class InteractionRoundTrip
{
    /// <param name="database">A migrated database; the script runs Postgres and Redis in another process (<see
    /// cref="InfrastructureProcess"/>).</param>
    public static async Task<int> RunAsync(Uri emulator, string token, string database, string redis, TimeSpan duration, IReadOnlyList<int> rates)
    {
        await using var api = await TagApi.StartAsync(database);
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:platformdb"] = database,
            ["ConnectionStrings:redis"] = redis,
            ["Discord:Token"] = token,
            ["Discord:RestBaseAddress"] = new Uri(emulator, "/api/v10/").ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        }, services => services.AddBotModule<TagsOverHttpModule>().AddHttpClient<TagApiClient>(http => http.BaseAddress = api.BaseAddress()));
        await bot.WaitReadyAsync(TimeSpan.FromSeconds(60));

        var control = new HttpClient { BaseAddress = emulator };
        var guild = (await control.GetFromJsonAsync<JsonElement>("/control/guilds"))[0];
        var guildId = ulong.Parse(guild.GetProperty("id").GetString()!);
        await SeedTagAsync(database, guildId);
        var invoke = new Invoker(control, guildId, ulong.Parse(guild.GetProperty("owner_id").GetString()!));

        foreach (var rate in rates)
        {
            if (Environment.GetEnvironmentVariable("OTEL_SDK_DISABLED") == "true")
            {
                // The script's second pass: the same bot without traces and metrics, so that telemetry's share shows.
                Console.WriteLine(JsonSerializer.Serialize(await MeasureAsync(invoke, "tag", "direct-db-telemetry-off", rate, duration)));
                continue;
            }

            var direct = await MeasureAsync(invoke, "tag", "direct-db", rate, duration);
            var overHttp = await MeasureAsync(invoke, "tag-http", "http-api", rate, duration);
            foreach (var run in new[] { direct, overHttp })
            {
                Console.WriteLine(JsonSerializer.Serialize(run));
            }

            Console.WriteLine(JsonSerializer.Serialize(new
            {
                benchmark = "interaction-roundtrip-ratio", rate,
                p50HttpOverDirect = Math.Round(overHttp.P50Ms / direct.P50Ms, 2),
                p99HttpOverDirect = Math.Round(overHttp.P99Ms / direct.P99Ms, 2),
            }));
        }

        NpgsqlConnection.ClearAllPools();
        return 0;
    }

    private static async Task SeedTagAsync(string database, ulong guildId)
    {
        await using var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(database));
        while (!await db.Guilds.AnyAsync(g => g.Id == (long)guildId))
        {
            await Task.Delay(50);
        }

        // The telemetry-off pass runs against the same database.
        if (await db.Set<Tag>().AnyAsync(t => t.GuildId == (long)guildId && t.Name == "rules"))
        {
            return;
        }

        db.Add(
            new Tag
            {
                GuildId = (long)guildId,
                Name = "rules",
                Content = "Be kind.",
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
        await db.SaveChangesAsync();
    }

    private static async Task<RunResult> MeasureAsync(
        Invoker invoke, string command, string variant, int rate, TimeSpan duration)
    {
        using var botSide = new HandlerDurations();
        await WarmUpAsync(invoke, command, rate);
        botSide.Clear();
        var stacks = AllocationStacks.StartIfAsked();
        // The bot runs in this process: its collections and compilations during the load are this process's.
        var (paused, gen0, gen2, allocated, jitted, jitTime, cpu) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0),
            GC.CollectionCount(2), GC.GetTotalAllocatedBytes(precise: true), JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime(),
            Environment.CpuUsage);
        var load = await invoke.LoadAsync(command, rate, duration, LeadIn);
        var sent = load.Sent + (int)(rate * LeadIn.TotalSeconds);
        // CPU is steadier from run to run than the tail, and on two shared cores every process's CPU is the others' wait.
        var used = Environment.CpuUsage;
        var cpuUsPerInteraction = Math.Round((used.TotalTime - cpu.TotalTime).TotalMicroseconds / sent);
        // The kernel's part (sockets, wake-ups) is where the bot and the single-threaded peer differ most.
        var kernelUsPerInteraction = Math.Round((used.PrivilegedTime - cpu.PrivilegedTime).TotalMicroseconds / sent);
        // Under Server GC's dynamic heap count the total can go backwards (dotnet/runtime#131069); such a run reports none.
        var allocatedKb = Math.Round((GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / sent, 1);
        return new RunResult(
            "interaction-roundtrip",
            variant,
            rate,
            duration.TotalSeconds,
            load.Sent,
            load.Sent - load.Answered,
            load.P50Ms,
            load.P99Ms,
            load.MaxMs,
            Math.Round(botSide.Percentile(0.5), 3),
            Math.Round(botSide.Percentile(0.99), 3),
            allocatedKb >= 0 ? allocatedKb : null,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(2) - gen2,
            Math.Round((GC.GetTotalPauseDuration() - paused).TotalMilliseconds, 1),
            JitInfo.GetCompiledMethodCount() - jitted,
            // Still compiling rarely called paths minutes after the start: a cost of a young process, not of a bot's steady state.
            Math.Round((JitInfo.GetCompilationTime() - jitTime).TotalMicroseconds / sent),
            cpuUsPerInteraction,
            kernelUsPerInteraction,
            load.CpuUsPerInteraction,
            stacks is null ? null : await stacks.StopAsync(30));
    }

    /// <summary>
    /// One at a time until the code paths are compiled, then spells at the rate itself until tiered compilation
    /// has promoted the hot paths. That takes 10-15 s at 1,000/s on two cores, during which the compiler thread
    /// takes a third of a core from the bot; a bot runs for days, so its steady state is what counts.
    /// </summary>
    private static async Task WarmUpAsync(Invoker invoke, string command, int rate)
    {
        for (var i = 0; i < 50; i++)
        {
            await invoke.RoundTripAsync(command);
        }

        for (var spell = 0; spell < MaxWarmUpSpells; spell++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await invoke.LoadAsync(command, rate, WarmUpSpell);
            if (JitInfo.GetCompiledMethodCount() - compiled < SettledCompilationsPerSpell)
            {
                return;
            }
        }
    }

    private static readonly TimeSpan WarmUpSpell = TimeSpan.FromSeconds(3);
    // Untimed, so that the timing starts in a load already running: the step from idle to full rate is not a steady state.
    // The bot's own figures (handler times, collections, allocations) cover it too.
    private static readonly TimeSpan LeadIn = TimeSpan.FromSeconds(1);
    private const int MaxWarmUpSpells = 10;
    // The host's own timers and health checks still compile a method now and then.
    private const int SettledCompilationsPerSpell = 100;

    private sealed class Invoker(HttpClient control, ulong guildId, ulong userId)
    {
        private static readonly object[] GetRules =
        [
            new
            {
                name = "get",
                type = 1,
                options = new[]
                {
                    new
                    {
                        name = "name",
                        type = 3,
                        value = "rules",
                    },
                },
            }];

        public async Task RoundTripAsync(string command)
        {
            using var response = await control.PostAsJsonAsync("/control/interactions", new
            {
                guild_id = guildId.ToString(), user_id = userId.ToString(), name = command, settle_ms = 0, options = GetRules,
            });
            response.EnsureSuccessStatusCode();
        }

        /// <summary>
        /// The emulator generates the interactions at <paramref name="rate"/> itself, open loop, and times
        /// each from its creation to the bot's callback; no HTTP request per interaction competes with the bot.
        /// </summary>
        public async Task<LoadResult> LoadAsync(string command, int rate, TimeSpan duration, TimeSpan leadIn = default)
        {
            using var response = await control.PostAsJsonAsync("/control/interactions/load", new
            {
                interaction = new { guild_id = guildId.ToString(), user_id = userId.ToString(), name = command, options = GetRules },
                rate,
                seconds = duration.TotalSeconds,
                lead_in_seconds = leadIn.TotalSeconds,
            });
            return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<LoadResult>(EmulatorControl.SnakeCase))!;
        }
    }


    private sealed record RunResult(
        string Benchmark, string Variant, int Rate, double Seconds, int Sent, int Unanswered, double P50Ms, double P99Ms, double MaxMs,
        double HandlerP50Ms, double HandlerP99Ms, double? AllocatedKbPerInteraction, int Gen0Collections, int Gen2Collections, double GcPauseMs,
        long MethodsCompiled, double JitUsPerInteraction, double BotProcessCpuUsPerInteraction, double BotProcessKernelCpuUsPerInteraction,
        double EmulatorCpuUsPerInteraction,
        IReadOnlyList<object>? AllocatedAt);

    /// <summary>The bot's own <c>bot.interaction.duration</c>: receipt of the event to the handler's end, callback included.</summary>
    private sealed class HandlerDurations : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener listener = new();
        private readonly System.Collections.Concurrent.ConcurrentQueue<double> values = new();

        public HandlerDurations()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "bot.interaction.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<double>((_, value, _, _) => values.Enqueue(value));
            listener.Start();
        }

        public void Clear() => values.Clear();

        public double Percentile(double p)
        {
            var sorted = values.Order().ToList();
            return sorted.Count == 0 ? double.NaN : sorted[(int)Math.Round(p * (sorted.Count - 1))];
        }

        public void Dispose() => listener.Dispose();
    }
}
