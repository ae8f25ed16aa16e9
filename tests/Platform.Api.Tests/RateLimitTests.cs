using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;

namespace Platform.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class RateLimitTests(ApiEnvironment environment)
{
    [Fact]
    public async Task A_runaway_session_gets_429_problems_with_Retry_After_and_other_sessions_do_not()
    {
        await using var scenario = await ApiScenario.StartAsync(environment, new Dictionary<string, string?>
        {
            ["RateLimits:SessionBurst"] = "5",
            ["RateLimits:SessionPerSecond"] = "1",
        });
        using var runaway = await scenario.SignInAsync(scenario.Guilds[0].OwnerId);
        using var other = await scenario.SignInAsync(scenario.Guilds[1].OwnerId);
        var refusals = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Meter.Name: ApiTelemetry.Name, Name: "api.refusals" })
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => refusals.Add(tags[0].Value?.ToString() ?? ""));
        listener.Start();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 12; i++)
        {
            var response = await runaway.GetAsync("/api/me");
            statuses.Add(response.StatusCode);
            limited ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 3, 8);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/me")).StatusCode);
        Assert.Contains("rate_limited", refusals);
    }

    [Fact]
    public async Task A_made_up_cookie_on_each_request_does_not_get_a_bucket_of_its_own()
    {
        await using var scenario = await ApiScenario.StartAsync(environment, Limited());
        using var client = new HttpClient { BaseAddress = scenario.Api.BaseAddress };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/platform/status");
            request.Headers.Add("Cookie", $"{Platform.Api.Auth.SessionAuthentication.CookieName}={Guid.NewGuid():N}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task X_Forwarded_For_is_believed_only_from_a_trusted_proxy()
    {
        // Loopback, where this test connects from, is not a trusted proxy here: a made-up address changes nothing.
        await using (var untrusting = await ApiScenario.StartAsync(environment, Limited(trustedProxies: "10.0.0.0/8")))
        {
            Assert.Contains(
                HttpStatusCode.TooManyRequests,
                await FromAddressesAsync(untrusting, Enumerable.Range(1, 12).Select(i => $"203.0.113.{i}")));
        }

        // The frontend on loopback is trusted: the address it reports keys the bucket, one client's exhaustion is not another's.
        await using var trusting = await ApiScenario.StartAsync(environment, Limited());
        Assert.Contains(HttpStatusCode.TooManyRequests, await FromAddressesAsync(trusting, Enumerable.Repeat("203.0.113.7", 12)));
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, await FromAddressesAsync(trusting, ["203.0.113.8", "2001:db8::1"]));
        Assert.Contains(HttpStatusCode.TooManyRequests, await FromAddressesAsync(trusting, Enumerable.Range(1, 12).Select(i => $"2001:db8::{i:x}")));
    }

    private static Dictionary<string, string?> Limited(string? trustedProxies = null)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:AddressBurst"] = "5", ["RateLimits:AddressPerSecond"] = "1" };
        if (trustedProxies is not null)
        {
            settings["RateLimits:TrustedProxies"] = trustedProxies;
        }

        return settings;
    }

    private static async Task<List<HttpStatusCode>> FromAddressesAsync(ApiScenario scenario, IEnumerable<string> addresses)
    {
        using var client = new HttpClient { BaseAddress = scenario.Api.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        foreach (var address in addresses)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/platform/status");
            request.Headers.Add("X-Forwarded-For", address);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        return statuses;
    }
}
