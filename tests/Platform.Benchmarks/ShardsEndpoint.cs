using System.Diagnostics;
using System.Net.Http.Json;
using Platform.Api.Auth;
using Platform.Api.Status;
using Platform.Testing;
using static Platform.Benchmarks.Measurements;

namespace Platform.Benchmarks;

/// <summary>
/// GET /api/platform/shards through the real api, signed in as a bot owner, beside a running fleet: its response time,
/// one request at a time as the dashboard's shard page makes them, and whether what it says adds up.
/// </summary>
internal static class ShardsEndpoint
{
    private const int Requests = 500;

    public static async Task<object> MeasureAsync(string database, string redis, ulong applicationId)
    {
        await using var api = ApiHost.Start(ApiSessions.Settings(database, redis, applicationId));
        var session = await ApiSessions.SignInAsBotOwnerAsync(api);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = api.BaseAddress };
        http.DefaultRequestHeaders.Add("Cookie", $"{SessionAuthentication.CookieName}={session}");

        var latencies = new List<double>();
        IReadOnlyList<ShardView> shards = [];
        for (var i = 0; i < Requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            shards = (await http.GetFromJsonAsync<IReadOnlyList<ShardView>>("/api/platform/shards"))!;
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new
        {
            requests = Requests,
            p50Ms = Percentile(latencies, 0.5),
            p99Ms = Percentile(latencies, 0.99),
            shards = shards.Count,
            ready = shards.Count(s => s.Status.State == "ready" && !s.Stale),
            processes = shards.Select(s => s.Status.Owner).Distinct().Count(),
            guilds = shards.Sum(s => s.Status.GuildCount),
        };
    }
}
