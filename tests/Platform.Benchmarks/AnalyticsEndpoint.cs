using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Api.Auth;
using Platform.Data;
using Platform.Data.Llm;
using Platform.Testing;
using static Platform.Benchmarks.Measurements;

namespace Platform.Benchmarks;

/// <summary>
/// GET /api/guilds/{id}/llm/usage through the real api on Kestrel, signed in, with closed-loop clients:
/// requests/s and latency with the report cache (HybridCache: memory, then Redis) and without it
/// (every request reads Postgres), in alternating rounds of the same run.
/// </summary>
internal static class AnalyticsEndpoint
{
    private const long GuildId = 900_000_000_000_000_001;
    private static readonly string[] Groupings = ["day", "model", "module", "user"];

    public static async Task<int> RunAsync(TimeSpan roundLength, int clients, int usageRows)
    {
        await using var infrastructure = await PlatformInfrastructure.StartAsync("bench");
        var database = await infrastructure.CreateDatabaseAsync();
        await SeedAsync(database, usageRows);
        var redis = infrastructure.RedisConnectionString;

        var results = new Dictionary<string, List<Round>> { ["cached"] = [], ["uncached"] = [] };
        for (var round = 0; round < 2; round++)
        {
            foreach (var (mode, cacheFor) in new[] { ("uncached", "00:00:00"), ("cached", "00:00:05") })
            {
                await using var api = ApiHost.Start(ApiSessions.Settings(database, redis, 1100000000000000099, ("Analytics:CacheFor", cacheFor)));
                var cookie = await ApiSessions.SignInAsBotOwnerAsync(api);
                results[mode].Add(await LoadAsync(api.BaseAddress, cookie, clients, roundLength));
            }
        }

        foreach (var (mode, rounds) in results)
        {
            Print(new
            {
                benchmark = "analytics-endpoint",
                mode,
                clients,
                usage_rows = usageRows,
                requests_per_second = rounds.Select(r => Math.Round(r.PerSecond)).ToArray(),
                p50_ms = rounds.Select(r => Percentile(r.Latencies, 0.50)).ToArray(),
                p99_ms = rounds.Select(r => Percentile(r.Latencies, 0.99)).ToArray(),
                p50_ms_by_grouping = Groupings.ToDictionary(g => g, g => Percentile([.. rounds.SelectMany(r => r.ByGrouping[g])], 0.50)),
                errors = rounds.Sum(r => r.Errors),
            });
        }

        Print(
            new
            {
                benchmark = "analytics-endpoint",
                cached_over_uncached_requests_per_second = Math.Round(
                    results["cached"].Average(r => r.PerSecond) / results["uncached"].Average(r => r.PerSecond),
                    2),
                uncached_over_cached_p99 = Math.Round(
                    results["uncached"].Average(r => Percentile(r.Latencies, 0.99))
                        / results["cached"].Average(r => Percentile(r.Latencies, 0.99)),
                    2),
            });
        return 0;
    }

    private static async Task<Round> LoadAsync(Uri api, string session, int clients, TimeSpan length)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = clients }) { BaseAddress = api };
        http.DefaultRequestHeaders.Add("Cookie", $"{SessionAuthentication.CookieName}={session}");
        await RequestAsync(http, 0);

        var latencies = new ConcurrentBag<(string Grouping, double Ms)>();
        var errors = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            for (var i = client; stopwatch.Elapsed < length; i++)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await RequestAsync(http, i))
                {
                    Interlocked.Increment(ref errors);
                }

                latencies.Add((Groupings[i % Groupings.Length], Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            }
        }));
        return new Round(latencies.Count / stopwatch.Elapsed.TotalSeconds, [.. latencies.Select(l => l.Ms)],
            latencies.GroupBy(l => l.Grouping).ToDictionary(g => g.Key, g => (IReadOnlyCollection<double>)[.. g.Select(l => l.Ms)]), errors);
    }

    private static async Task<bool> RequestAsync(HttpClient http, int i)
    {
        using var response = await http.GetAsync($"/api/guilds/{GuildId}/llm/usage?groupBy={Groupings[i % Groupings.Length]}");
        await response.Content.CopyToAsync(Stream.Null);
        return response.IsSuccessStatusCode;
    }

    /// <summary>One guild with 90 days of calls (so the rollups and the by-user scan have real work), written by the bot's writer.</summary>
    private static async Task SeedAsync(string database, int usageRows)
    {
        await using (var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(database)))
        {
            db.Guilds.Add(
                new Data.Guilds.Guild
                {
                    Id = GuildId,
                    Name = "Benchmark",
                    OwnerId = 1,
                    JoinedAt = DateTimeOffset.UtcNow,
                    UpdatedAt = DateTimeOffset.UtcNow,
                });
            await db.SaveChangesAsync();
        }

        await using var dataSource = NpgsqlDataSource.Create(database);
        var now = DateTimeOffset.UtcNow;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            for (var month = 0; month <= 3; month++)
            {
                await LlmUsagePartitions.EnsureAsync(connection, now.AddMonths(-month), CancellationToken.None);
            }
        }

        await using var writer = new LlmUsageBatchWriter(dataSource);
        var random = new Random(11);
        for (var written = 0; written < usageRows; written += 5_000)
        {
            await writer.WriteAsync([.. Enumerable.Range(0, 5_000).Select(_ => new LlmUsage
            {
                Id = Guid.CreateVersion7(),
                OccurredAt = now.AddMinutes(-random.Next(29 * 24 * 60)),
                GuildId = GuildId,
                UserId = random.Next(1, 500),
                Module = random.Next(4) switch { 0 => "ask", 1 => "summary", 2 => "moderation", _ => "translate" },
                Provider = "openai",
                ModelRequested = random.Next(2) == 0 ? "gpt-4o-mini" : "gpt-4.1",
                InputTokens = random.Next(20, 4_000),
                OutputTokens = random.Next(10, 1_500),
                CostUsd = random.Next(1, 5_000_000) / 1_000_000_000m,
                DurationMs = random.Next(200, 9_000),
                Status = LlmCallStatus.Ok,
            })], CancellationToken.None);
        }

        // As the bot leaves them: every day before today settled.
        await using var settling = await dataSource.OpenConnectionAsync();
        await LlmDailyUsageSettling.SettleClosedDaysAsync(settling, now, CancellationToken.None);
    }

    private sealed record Round(
        double PerSecond,
        IReadOnlyCollection<double> Latencies,
        IReadOnlyDictionary<string, IReadOnlyCollection<double>> ByGrouping,
        int Errors);
}
