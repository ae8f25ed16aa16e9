using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Platform.Discord.Json;
using Platform.Discord.Rest.RateLimiting;
using Platform.Discord.Telemetry;

namespace Platform.Discord.Rest;

/// <summary>
/// Discord's REST API over an <see cref="HttpClient"/> from IHttpClientFactory. Every request waits
/// for its bucket and the global limit, a 429 is honoured (from the body's <c>retry_after</c>, else
/// the <c>Retry-After</c> header) and retried, 5xx answers are retried with backoff, and Discord's
/// error codes surface as <see cref="DiscordApiException"/>. Share one instance per bot token.
/// </summary>
public sealed partial class DiscordRestClient
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly string Version = typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    private readonly HttpClient http;
    private readonly DiscordRestOptions options;
    private readonly TimeProvider time;
    private readonly RestRateLimiter limiter;
    private readonly InvalidRequestGuard invalidRequests;
    private readonly RestSpans spans;

    public DiscordRestClient(HttpClient http, DiscordRestOptions options) : this(http, options, TimeProvider.System)
    {
    }

    public DiscordRestClient(HttpClient http, DiscordRestOptions options, TimeProvider time)
    {
        this.http = http;
        this.options = options;
        this.time = time;
        limiter = new RestRateLimiter(options.GlobalRequestsPerSecond, time);
        invalidRequests = new InvalidRequestGuard(options.InvalidRequestLimit, time);
        http.BaseAddress = options.BaseAddress;
        spans = new RestSpans(options.BaseAddress);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", options.Token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd($"DiscordBot ({options.UserAgentUrl}, {Version})");
    }

    private async Task<T> SendAsync<T>(RestRoute route, JsonTypeInfo<T> responseType, CancellationToken cancellationToken, byte[]? body = null)
    {
        using var response = await SendAsync(route, body, cancellationToken);
        return await response.Content.ReadFromJsonAsync(responseType, cancellationToken)
            ?? throw new JsonException($"{route.Name} returned no body.");
    }

    private async Task SendWithoutResultAsync(RestRoute route, CancellationToken cancellationToken, byte[]? body = null)
    {
        using var response = await SendAsync(route, body, cancellationToken);
    }

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    private async Task<HttpResponseMessage> SendAsync(RestRoute route, byte[]? body, CancellationToken cancellationToken)
    {
        var rateLimited = 0;
        var serverErrors = 0;
        while (true)
        {
            invalidRequests.ThrowIfExhausted();
            var response = await SendOnceAsync(route, body, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && ++rateLimited <= options.MaxRateLimitRetries)
            {
                response.Dispose();
                continue;
            }

            if ((int)response.StatusCode >= 500 && ++serverErrors <= options.MaxServerErrorRetries)
            {
                response.Dispose();
                await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Pow(2, serverErrors)), time, cancellationToken);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    throw await DiscordApiException.FromResponseAsync(response, cancellationToken);
                }
            }

            return response;
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(RestRoute route, byte[]? body, CancellationToken cancellationToken)
    {
        var waitStarted = time.GetTimestamp();
        var bucket = await limiter.AcquireAsync(route, cancellationToken);
        var routeTag = new KeyValuePair<string, object?>("discord.route", route.Name);
        RestTelemetry.RateLimitWait.Record(time.GetElapsedTime(waitStarted).TotalMilliseconds, routeTag);

        using var activity = spans.Start(route);
        var started = time.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(route.Method, route.Path);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body) { Headers = { ContentType = JsonContentType } };
            }

            response = await http.SendAsync(request, cancellationToken);
            limiter.Update(route, bucket, response.Headers);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await OnRateLimitedAsync(response, bucket, cancellationToken);
            }
        }
        finally
        {
            limiter.Release(route, bucket);
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            invalidRequests.Record();
        }

        activity?.SetTag("http.response.status_code", (int)response.StatusCode);
        RestTelemetry.Duration.Record(time.GetElapsedTime(started).TotalMilliseconds, routeTag);
        RestTelemetry.Requests.Add(1, routeTag, new("http.response.status_code", (int)response.StatusCode));
        return response;
    }

    private async Task OnRateLimitedAsync(HttpResponseMessage response, RateLimitBucket bucket, CancellationToken cancellationToken)
    {
        var scope = response.Headers.TryGetValues("X-RateLimit-Scope", out var scopes) ? scopes.First() : "user";
        RateLimitedBody? limited = null;
        try
        {
            limited = await response.Content.ReadFromJsonAsync(Json.RateLimitedBody, cancellationToken);
        }
        catch (JsonException)
        {
            // A proxy's 429 may carry no JSON; the Retry-After header still says how long.
        }

        var retryAfter = limited is { RetryAfter: > 0 } ? TimeSpan.FromSeconds(limited.RetryAfter)
            : response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
        var global = limited?.Global == true || response.Headers.Contains("X-RateLimit-Global");

        // Limits on a shared resource are not the bot's fault and do not count towards a ban.
        if (scope != "shared")
        {
            invalidRequests.Record();
        }

        limiter.OnRateLimited(bucket, retryAfter, global);
        RestTelemetry.RateLimited.Add(1, new KeyValuePair<string, object?>("discord.rate_limit.scope", global ? "global" : scope));
    }
}
