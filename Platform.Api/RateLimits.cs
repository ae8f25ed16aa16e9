using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Api;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A token bucket per signed-in user, or per client address for everyone else, over every /api route:
/// a runaway tab or script gets 429 problem details with Retry-After, and others are unaffected. The
/// key is only ever something a client cannot make up at will: a session the api verified, or the
/// address a trusted proxy reports (IPv6 by its /64, which one client holds whole). A bucket is dropped
/// once it has been full for a while, so memory follows the number of real clients.
/// </summary>
public static class RateLimits
{
    public const string Section = "RateLimits";

    public static IHostApplicationBuilder AddApiRateLimits(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(Section).Get<RateLimitSettings>() ?? new RateLimitSettings();

        // The frontend overwrites X-Forwarded-For with its peer's address; only a proxy on these networks is believed.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.ForwardLimit = 1;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var network in settings.TrustedProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!http.Request.Path.StartsWithSegments("/api"))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                return http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
                    ? RateLimitPartition.GetTokenBucketLimiter($"user:{userId}", _ =>
                        Bucket(settings.SessionBurst, settings.SessionPerSecond))
                    : RateLimitPartition.GetTokenBucketLimiter(
                        $"address:{ClientOf(http.Connection.RemoteIpAddress)}",
                        _ => Bucket(settings.AddressBurst, settings.AddressPerSecond));
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

    /// <summary>An IPv4 address as it is; an IPv6 one by its /64, since a single host is given a whole /64 to pick addresses from.</summary>
    private static string ClientOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
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

    /// <summary>
    /// Networks whose X-Forwarded-For is believed: loopback and the private ranges, where the frontend
    /// runs beside the api (on the same host, or on the deployment's own container networks). The api
    /// is on no public network; a caller anywhere else is keyed by its own address.
    /// </summary>
    public string TrustedProxies { get; set; } = "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7";
}
