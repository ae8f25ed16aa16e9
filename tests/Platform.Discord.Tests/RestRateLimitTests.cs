using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Platform.Discord.Interactions;
using Platform.Discord.Models;
using Platform.Discord.Rest;
using Platform.Discord.Rest.RateLimiting;
using Platform.DiscordEmulator;
using Platform.DiscordEmulator.Control;
using Platform.DiscordEmulator.Interactions;
using Platform.DiscordEmulator.Rest;

namespace Platform.Discord.Tests;

public sealed class RestRateLimitTests
{
    [Fact]
    public async Task Requests_in_one_bucket_wait_for_its_reset_instead_of_drawing_429s()
    {
        await using var emulator = await TestEmulator.StartAsync("RestBucketLimit=2", "RestBucketWindowSeconds=0.5");
        var rest = emulator.RestClient();
        var channel = await FirstChannelAsync(rest, emulator);

        await Task.WhenAll(
            Enumerable
                .Range(0, 6)
                .Select(i =>
                    rest.CreateMessageAsync(
                        channel,
                        new MessageContent { Content = $"message {i}" },
                        CancellationToken.None)));

        Assert.Equal(0, await emulator.InvalidRequestsAsync());
    }

    // NOTES §C.5: 429 storms, shared by every caller of one client (every shard).
    [Fact]
    public async Task A_429_storm_on_a_route_costs_one_429_and_every_request_still_succeeds()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rest = emulator.RestClient();
        var channel = await FirstChannelAsync(rest, emulator);
        await emulator.PostAsync("/control/rest/storm", new StormRequest("POST /api/v10/channels", 0.6));

        var timer = Stopwatch.StartNew();
        await Task.WhenAll(
            Enumerable
                .Range(0, 10)
                .Select(i =>
                    rest.CreateMessageAsync(channel, new MessageContent { Content = $"m{i}" }, CancellationToken.None)));

        Assert.Equal(1, await emulator.InvalidRequestsAsync());
        Assert.True(timer.Elapsed >= TimeSpan.FromSeconds(0.5), $"Finished in {timer.Elapsed} although Discord said to wait 0.6 s.");
    }

    [Fact]
    public async Task Interaction_followups_from_several_processes_are_not_held_to_the_bots_global_limit()
    {
        const ulong ApplicationId = 1_100_000_000_000_000_001;
        await using var emulator = await TestEmulator.StartAsync("RestGlobalPerSecond=5", "RestBucketLimit=1000", $"ApplicationId={ApplicationId}");
        DiscordRestClient[] processes =
            [.. Enumerable.Range(0, 2).Select(_ => emulator.RestClient(configure: o => o with { GlobalRequestsPerSecond = 5 }))];
        var guild = (await emulator.GuildsAsync())[0];
        var interaction = await emulator.PostAsync<InteractionTranscript>(
            "/control/interactions", new InvokeRequest(guild.Id, guild.OwnerId, "cmd") { WaitMs = 0, SettleMs = 0 });
        await processes[0].CreateInteractionResponseAsync(
            interaction.InteractionId, interaction.Token, InteractionResponse.Defer(), CancellationToken.None);

        var timer = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => processes[i % 2].CreateFollowupMessageAsync(
            ApplicationId, interaction.Token, new MessageContent { Content = $"part {i}" }, CancellationToken.None)));

        // Held to 5 a second each, 20 would take 2 s; and two processes at 5 a second would draw 429s from a global 5.
        Assert.Equal(0, await emulator.InvalidRequestsAsync());
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(1.5), $"20 followups took {timer.Elapsed}.");
    }

    [Fact]
    public async Task Many_callers_across_routes_stay_within_the_global_limit()
    {
        await using var emulator = await TestEmulator.StartAsync("RestGlobalPerSecond=20", "RestBucketLimit=1000", "Guilds=4");
        var rest = emulator.RestClient(configure: o => o with { GlobalRequestsPerSecond = 20 });
        var guilds = await emulator.GuildsAsync();

        var timer = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => rest.GetGuildAsync(guilds[i % guilds.Count].Id, CancellationToken.None)));

        // A client that ignored the global limit would draw about 40 of these 60 as 429s; one that
        // paces itself draws at most the odd one, when arrival jitter bunches requests at the server.
        Assert.True(timer.Elapsed >= TimeSpan.FromSeconds(1.5), $"60 requests at 20/s finished in {timer.Elapsed}.");
        Assert.InRange(await emulator.InvalidRequestsAsync(), 0, 6);
    }

    [Fact]
    public async Task Buckets_nobody_uses_any_more_are_forgotten_but_not_one_still_limited_or_held()
    {
        var time = new FakeTimeProvider();
        // Follow-ups count against the global limit: high enough here that only the buckets are under test.
        var limiter = new RestRateLimiter(10_000, time);
        static RestRoute Followup(int interaction) =>
            RestRoute.Create(HttpMethod.Post, "webhooks/{webhook_id}/{webhook_token}", 42, $"token-{interaction}");
        var messages = RestRoute.Create(HttpMethod.Post, "channels/{channel_id}/messages", 1);
        var limited = await limiter.AcquireAsync(messages, CancellationToken.None);
        limited.Block(TimeSpan.FromMinutes(5), time.GetUtcNow());
        limited.Gate.Release();
        var held = await limiter.AcquireAsync(Followup(0), CancellationToken.None);
        for (var interaction = 1; interaction <= 1000; interaction++)
        {
            (await limiter.AcquireAsync(Followup(interaction), CancellationToken.None)).Gate.Release();
        }

        time.Advance(RestRateLimiter.SweepInterval);
        (await limiter.AcquireAsync(Followup(1001), CancellationToken.None)).Gate.Release();

        Assert.Equal(3, limiter.BucketCount);
        Assert.False(
            limiter.AcquireAsync(messages, CancellationToken.None).IsCompleted,
            "The limited bucket was forgotten: its next request went at once.");
        held.Gate.Release();
    }

    [Fact]
    public async Task An_interactions_callback_bucket_is_forgotten_once_answered_unless_its_retry_must_wait()
    {
        var time = new FakeTimeProvider();
        var limiter = new RestRateLimiter(50, time);
        static RestRoute Callback(int interaction) =>
            RestRoute.Create(HttpMethod.Post, RestRoute.InteractionCallbackTemplate, interaction, $"token-{interaction}");
        for (var interaction = 0; interaction < 100; interaction++)
        {
            limiter.Release(Callback(interaction), await limiter.AcquireAsync(Callback(interaction), CancellationToken.None));
        }

        Assert.Equal(0, limiter.BucketCount);

        var limited = await limiter.AcquireAsync(Callback(100), CancellationToken.None);
        limited.Block(TimeSpan.FromSeconds(1), time.GetUtcNow());
        limiter.Release(Callback(100), limited);

        Assert.Equal(1, limiter.BucketCount);
        Assert.False(limiter.AcquireAsync(Callback(100), CancellationToken.None).IsCompleted, "The retry after a 429 went at once.");
    }

    [Fact]
    public async Task A_callback_retried_after_its_bucket_was_forgotten_gets_a_fresh_one()
    {
        var limiter = new RestRateLimiter(50, new FakeTimeProvider());
        var callback = RestRoute.Create(HttpMethod.Post, RestRoute.InteractionCallbackTemplate, 1, "token-1");
        using var answer = new HttpResponseMessage(HttpStatusCode.InternalServerError) { Headers = { { "X-RateLimit-Bucket", "callbacks" } } };
        // The first request of a route learns Discord's bucket id, which files the bucket under a second key.
        var first = await limiter.AcquireAsync(callback, CancellationToken.None);
        limiter.Update(callback, first, answer.Headers);
        limiter.Release(callback, first);

        var retry = limiter.AcquireAsync(callback, CancellationToken.None);

        Assert.True(retry.IsCompletedSuccessfully, "The retry did not get a bucket.");
        Assert.NotSame(first, await retry);
    }

    [Fact]
    public void The_emulator_forgets_rate_limit_windows_that_ended_and_keeps_none_for_callbacks()
    {
        var time = new FakeTimeProvider();
        var limits = new RestRateLimits(Options.Create(new EmulatorOptions()), time);
        const string followup = "POST /api/v10/webhooks/{webhook_id}/{webhook_token}";
        const string callback = "POST /api/v10/" + RestRoute.InteractionCallbackTemplate;
        for (var interaction = 0; interaction < 100; interaction++)
        {
            limits.Check(followup, $"42/token-{interaction}", exemptFromGlobal: true);
            Assert.Equal(4, limits.Check(callback, $"{interaction}/token-{interaction}", exemptFromGlobal: true).Remaining);
        }

        Assert.Equal(100, limits.WindowCount);
        time.Advance(RestRateLimits.SweepInterval);
        limits.Check(followup, "42/token-100", exemptFromGlobal: true);

        Assert.Equal(1, limits.WindowCount);
    }

    [Fact]
    public async Task Server_errors_are_retried_until_the_request_succeeds()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rest = emulator.RestClient();
        await emulator.PostAsync("/control/rest/fail", new FailRequest("GET /api/v10/users/@me", 2, 502));

        var me = await rest.GetCurrentUserAsync(CancellationToken.None);

        Assert.Equal("Platform Bot", me.Username);
    }

    [Fact]
    public async Task Discord_error_codes_surface_as_typed_errors()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rest = emulator.RestClient();

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => rest.GetGuildAsync(42, CancellationToken.None));

        Assert.Equal((HttpStatusCode.NotFound, 10004), (error.Status, error.Code));
    }

    [Fact]
    public async Task After_too_many_rejected_requests_the_client_stops_sending()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rest = emulator.RestClient(token: "revoked-token", configure: o => o with { InvalidRequestLimit = 3 });

        for (var i = 0; i < 3; i++)
        {
            var rejected = await Assert.ThrowsAsync<DiscordApiException>(() => rest.GetCurrentUserAsync(CancellationToken.None));
            Assert.Equal(HttpStatusCode.Unauthorized, rejected.Status);
        }

        await Assert.ThrowsAsync<DiscordInvalidRequestLimitException>(() => rest.GetCurrentUserAsync(CancellationToken.None));
        Assert.Equal(3, await emulator.InvalidRequestsAsync());
    }

    private static async Task<ulong> FirstChannelAsync(DiscordRestClient rest, TestEmulator emulator)
    {
        var guild = (await emulator.GuildsAsync())[0];
        return (await rest.GetGuildChannelsAsync(guild.Id, CancellationToken.None))[0].Id;
    }
}
