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
}
