using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Api;

/// <summary>The api's own spans and metrics: sign-ins, sessions, refusals, audit entries, analytics reports.</summary>
public static class ApiTelemetry
{
    public const string Name = "Platform.Api";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> SignIns = Meter.CreateCounter<long>(
        "api.sign_ins", "{sign-in}", "Sign-in callbacks, by outcome: signed_in, bad_state, no_code, code_refused.");

    public static readonly Counter<long> SessionsEnded = Meter.CreateCounter<long>(
        "api.sessions.ended",
        "{session}",
        "Sessions ended before they expired, by reason: logout, logout_everywhere, signed_in_again, discord_revoked.");

    public static readonly Counter<long> Refusals = Meter.CreateCounter<long>(
        "api.refusals",
        "{request}",
        "Requests refused, by reason: csrf, cross_origin, no_access, missing_scope, bot_absent, rate_limited, unavailable, bad_value, conflict.");

    public static readonly Counter<long> AuditEntries = Meter.CreateCounter<long>(
        "api.audit.entries", "{entry}", "Changes recorded in the audit log, by action.");

    public static readonly Counter<long> AccessChanges = Meter.CreateCounter<long>(
        "api.access.changes", "{change}", "Changes to rights on Discord reported by the bot, by scope: guild or member.");

    public static readonly Histogram<double> ReportBuildDuration = Meter.CreateHistogram<double>(
        "api.analytics.report.build.duration", "ms", "Time to build a usage report from Postgres (cache misses only), by grouping.");

    public static void Refused(string reason) => Refusals.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
