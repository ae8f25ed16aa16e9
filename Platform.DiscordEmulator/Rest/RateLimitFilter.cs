using System.Globalization;
using Microsoft.AspNetCore.Routing.Patterns;
using Platform.Discord.Rest;
using Platform.DiscordEmulator.Gateway;

namespace Platform.DiscordEmulator.Rest;

/// <summary>Puts Discord's X-RateLimit headers on every REST answer, and answers 429 when a limit is hit.</summary>
public sealed class RateLimitFilter(RestRateLimits limits, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (limits.Latency > TimeSpan.Zero)
        {
            await InjectedLatency.WaitAsync(limits.Latency, time, http.RequestAborted);
        }

        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
        var template = $"{http.Request.Method} {pattern}";
        var topLevel = string.Join('/', RestRoute.TopLevelParameters.Select(name => http.Request.RouteValues[name]).OfType<object>());
        // A user's bearer token has limits of its own, apart from the bot's.
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal);
        if (bearer)
        {
            topLevel += http.Request.Headers.Authorization.ToString();
        }

        if (limits.TakeFailure(template) is { } status)
        {
            return TypedResults.Json(new { message = "Internal Server Error", code = 0 }, statusCode: status);
        }

        // Interaction endpoints and webhooks (an interaction's followups) are not bound to the bot's global limit.
        var exempt = bearer
            || pattern.Contains("/interactions/", StringComparison.Ordinal) || pattern.Contains("/webhooks/", StringComparison.Ordinal);
        var decision = limits.Check(template, topLevel, exemptFromGlobal: exempt);

        var headers = http.Response.Headers;
        if (!decision.Global)
        {
            headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = (
                (DateTimeOffset.UtcNow + decision.ResetAfter).ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset-After"] = decision.Seconds(decision.ResetAfter);
            headers["X-RateLimit-Bucket"] = decision.BucketId;
        }

        if (decision.RetryAfter is not { } retryAfter)
        {
            return await next(context);
        }

        limits.RecordInvalid();
        headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Scope"] = decision.Global ? "global" : "user";
        if (decision.Global)
        {
            headers["X-RateLimit-Global"] = "true";
        }

        return TypedResults.Json(
            new RateLimitedError("You are being rate limited.", Math.Round(retryAfter.TotalSeconds, 3), decision.Global),
            statusCode: StatusCodes.Status429TooManyRequests);
    }
}

public sealed record RateLimitedError(string Message, double RetryAfter, bool Global);
