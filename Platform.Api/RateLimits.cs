using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Api;
using Platform.Api.Auth;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A token bucket per session, or per client address for requests without one, over every /api route:
/// a runaway tab or script gets 429 problem details with Retry-After, and others are unaffected.
/// </summary>
public static class RateLimits
{
    public const string Section = "RateLimits";

    public static IHostApplicationBuilder AddApiRateLimits(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(Section).Get<RateLimitSettings>() ?? new RateLimitSettings();

        // Only the frontend reaches the api (it is on no public network), so the client address it forwards can be believed.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!http.Request.Path.StartsWithSegments("/api"))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var session = http.Request.Cookies[SessionAuthentication.CookieName];
                return session is { Length: > 0 }
                    ? RateLimitPartition.GetTokenBucketLimiter($"session:{session}", _ => Bucket(settings.SessionBurst, settings.SessionPerSecond))
                    : RateLimitPartition.GetTokenBucketLimiter($"address:{http.Connection.RemoteIpAddress}", _ => Bucket(settings.AddressBurst, settings.AddressPerSecond));
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                ApiTelemetry.Refused("rate_limited");
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                http.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteProblemAsync(
                    http, StatusCodes.Status429TooManyRequests, "Too many requests", "Slow down and try again after the Retry-After delay.");
            };
        });
        return builder;
    }

    private static TokenBucketRateLimiterOptions Bucket(int burst, int perSecond) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

public sealed class RateLimitSettings
{
    public int SessionBurst { get; set; } = 100;
    public int SessionPerSecond { get; set; } = 20;
    public int AddressBurst { get; set; } = 60;
    public int AddressPerSecond { get; set; } = 10;
}
