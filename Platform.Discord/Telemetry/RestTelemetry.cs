using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Discord.Telemetry;

/// <summary>Spans and metrics of REST calls: by route and status, and the time spent waiting on rate limits.</summary>
public static class RestTelemetry
{
    public const string Name = "Platform.Discord.Rest";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "discord.rest.requests", "{request}", "REST requests, by route and status.");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "discord.rest.duration", "ms", "Time for Discord to answer a REST request.");

    public static readonly Histogram<double> RateLimitWait = Meter.CreateHistogram<double>(
        "discord.rest.rate_limit_wait", "ms", "Time a request waited for its bucket or the global limit.");

    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        "discord.rest.rate_limited", "{response}", "429 answers, by scope.");
}
