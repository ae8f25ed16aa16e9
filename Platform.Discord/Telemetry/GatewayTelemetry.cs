using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Discord.Telemetry;

/// <summary>Spans and metrics of the gateway: latency per shard, events by type, resumes and reconnects.</summary>
public static class GatewayTelemetry
{
    public const string Name = "Platform.Discord.Gateway";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> Latency = Meter.CreateHistogram<double>(
        "discord.gateway.latency", "ms", "Time from a heartbeat to its acknowledgement.");

    public static readonly Counter<long> Events = Meter.CreateCounter<long>(
        "discord.gateway.events", "{event}", "Dispatch events received, by type.");

    public static readonly Counter<long> Resumes = Meter.CreateCounter<long>(
        "discord.gateway.resumes", "{resume}", "Sessions resumed after a disconnect.");

    public static readonly Counter<long> Reconnects = Meter.CreateCounter<long>(
        "discord.gateway.reconnects", "{reconnect}", "Connections re-opened, by reason.");

    public static readonly Counter<long> Identifies = Meter.CreateCounter<long>(
        "discord.gateway.identifies", "{identify}", "New sessions started; Discord allows 1000 a day.");
}
