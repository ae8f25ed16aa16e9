using System.Net;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Platform.Testing;

namespace Platform.AppHost.Tests;

/// <summary>
/// The frontend's /api proxy, as browsers meet it: it tells nothing of the api, refuses what the api would, and names
/// the real client.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class FrontendProxyTests(PlatformAppFixture platform)
{
    [Fact]
    public async Task Answers_through_the_frontend_say_nothing_of_the_apis_address()
    {
        using var frontend = await FrontendAsync();
        var api = platform.App.GetEndpoint("api", "http");

        foreach (var path in new[] { "/api/platform/status", "/api/auth/login?returnTo=%2F", "/api/nothing-here", "/api/me" })
        {
            using var response = await frontend.GetAsync(path);
            var headers = response.Headers.Concat(response.Content.Headers).ToList();
            Assert.DoesNotContain(headers, h => h.Key.StartsWith("x-middleware", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(headers, h => h.Value.Any(v => v.Contains(api.Authority, StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_always_gets_413_problem_details()
    {
        using var frontend = await FrontendAsync();
        var megabyte = new byte[1024 * 1024];
        Array.Fill(megabyte, (byte)'x');

        for (var i = 0; i < 40; i++)
        {
            // Every fourth without a length, as a streaming client sends it.
            HttpContent body = i % 4 == 0 ? new StreamContent(new MemoryStream(megabyte)) : new ByteArrayContent(megabyte);
            body.Headers.ContentType = new("application/json");
            using var response = await frontend.PutAsync("/api/guilds/1/modules/tags", body);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"Attempt {i}: {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(413, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task A_client_cannot_pick_its_own_address_to_escape_the_rate_limit()
    {
        using var frontend = await FrontendAsync();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        using var refused = new CancellationTokenSource();
        // Until the first refusal: the bucket refills while they run, by as much as a slow machine gives it time to.
        // With the forwarded addresses believed, every one would have a bucket of its own and none would be refused.
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, 1000),
                new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = refused.Token },
                async (i, cancellationToken) =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, "/api/platform/status");
                    request.Headers.Add("X-Forwarded-For", $"198.51.100.{i % 250}");
                    using var response = await frontend.SendAsync(request, cancellationToken);
                    statuses.Add(response.StatusCode);
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        await refused.CancelAsync();
                    }
                });
        }
        catch (OperationCanceledException) when (refused.IsCancellationRequested) { }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        // Every anonymous caller of this test run shares the address: leave it a full bucket.
        await Eventually.TrueAsync(
            async () => (await frontend.GetAsync("/api/platform/status")).StatusCode == HttpStatusCode.OK,
            "the bucket refilled",
            TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(6));
    }

    private async Task<HttpClient> FrontendAsync()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.StartTimeout);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("frontend", timeout.Token);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = platform.App.GetEndpoint("frontend", "http") };
    }
}
