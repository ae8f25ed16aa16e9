using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Discord.Gateway;
using Platform.Discord.Json;
using Platform.Discord.Models;
using Platform.DiscordEmulator.Gateway;
using Platform.DiscordEmulator.World;

namespace Platform.DiscordEmulator.Control;

/// <summary>
/// What tests and developers use to drive the emulator: inspect sessions and identifies, inject
/// faults, and make events happen.
/// </summary>
public static class ControlApi
{
    public static IEndpointRouteBuilder MapControlApi(this IEndpointRouteBuilder routes)
    {
        var control = routes.MapGroup("/control").WithTags("Control");

        control.MapGet("/sessions", (SessionRegistry registry) => TypedResults.Ok(registry.Sessions.Select(SessionView.From)));
        control.MapGet("/identifies", (SessionRegistry registry) => TypedResults.Ok(registry.Identifies));
        control.MapGet("/shards/most-concurrent", (SessionRegistry registry) => TypedResults.Ok(registry.Occupancy.Most));
        control.MapGet("/guilds", (EmulatorWorld world) => TypedResults.Ok(world.Guilds));
        control.MapPost("/faults", InjectFaultAsync);
        control.MapPost("/dispatch", DispatchAsync);
        control.MapPost("/stream", StreamAsync);
        control.MapInteractionControlApi();
        control.MapWorldControlApi();

        return routes;
    }

    private static async Task<Results<Ok<int>, BadRequest<string>>> InjectFaultAsync(FaultRequest fault, SessionRegistry registry)
    {
        switch (fault.Kind)
        {
            case FaultKinds.Latency:
                registry.Faults.SetLatency(fault.ShardId, TimeSpan.FromMilliseconds(fault.Ms ?? 0));
                return TypedResults.Ok(0);
            case FaultKinds.StopAcks or FaultKinds.RefuseResume:
                registry.Faults.Set(fault.Kind, fault.ShardId, fault.On ?? true);
                return TypedResults.Ok(0);
            case FaultKinds.Close or FaultKinds.Drop or FaultKinds.Reconnect or FaultKinds.InvalidSession:
                var affected = 0;
                foreach (var connection in registry.OnShard(fault.ShardId).Select(s => s.Connection).OfType<EmulatorConnection>())
                {
                    await ApplyAsync(fault, connection, registry);
                    affected++;
                }

                return TypedResults.Ok(affected);
            default:
                return TypedResults.BadRequest($"Unknown fault '{fault.Kind}'.");
        }
    }

    private static async Task ApplyAsync(FaultRequest fault, EmulatorConnection connection, SessionRegistry registry)
    {
        switch (fault.Kind)
        {
            case FaultKinds.Close:
                await connection.CloseAsync(fault.Code ?? GatewayCloseCode.UnknownError, "Closed by the control API.");
                break;
            case FaultKinds.Drop:
                connection.Socket.Abort();
                break;
            case FaultKinds.Reconnect:
                await connection.TrySendAsync(DispatchFrame.Command(GatewayOpCode.Reconnect, "null"u8), CancellationToken.None);
                break;
            case FaultKinds.InvalidSession:
                var resumable = fault.Resumable ?? false;
                if (!resumable)
                {
                    foreach (var session in registry.Sessions.Where(s => s.Connection == connection))
                    {
                        registry.Remove(session.Id);
                    }
                }

                await connection.TrySendAsync(DispatchFrame.InvalidSession(resumable), CancellationToken.None);
                break;
        }
    }

    private static async Task<Ok<int>> DispatchAsync(DispatchRequest request, SessionRegistry registry, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.SerializeToUtf8Bytes(request.Data, DiscordJsonContext.Default.JsonElement);
        var sessions = (request.GuildId is { } guildId ? registry.ForGuild(guildId) : registry.OnShard(request.ShardId)).ToList();
        foreach (var session in sessions)
        {
            await session.DispatchAsync(request.Type, data, cancellationToken);
        }

        return TypedResults.Ok(sessions.Count);
    }

    /// <summary>
    /// Sends <c>count</c> MESSAGE_CREATE events to a shard's session, for throughput and resilience
    /// runs, as fast as the connection takes them or <c>rate</c> a second. With <c>reuse_payload</c> one
    /// message is serialized once and sent every time, so that a benchmark measures the client rather than
    /// the emulator's serializer.
    /// </summary>
    private static async Task<Results<Ok<int>, ProblemHttpResult>> StreamAsync(
        StreamRequest request,
        SessionRegistry registry,
        EmulatorWorld world,
        CancellationToken cancellationToken)
    {
        if (request.Count < 0 || request.Rate is <= 0 || (request.Rate is not null && !request.ReusePayload))
        {
            return TypedResults.Problem(
                "count must be 0 or more, and rate, if given, more than 0 with reuse_payload.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var session = registry.OnShard(request.ShardId).First();
        var guild = world.GuildsOnShard(session.ShardId, session.TotalShards).FirstOrDefault();
        var channelId = guild?.Channels?.FirstOrDefault()?.Id ?? 1;
        var content = new string('x', Math.Max(0, request.ContentLength));
        byte[] Serialize() =>
            JsonSerializer.SerializeToUtf8Bytes(
                new Message(Snowflakes.Next(), channelId)
                {
                    GuildId = guild?.Id,
                    Author = world.BotUser,
                    Content = content,
                    Timestamp = DateTimeOffset.UtcNow,
                },
                DiscordJsonContext.Default.Message);

        if (request.ReusePayload)
        {
            await session.DispatchManyAsync(GatewayEventNames.MessageCreate, Serialize(), request.Count, request.Rate, cancellationToken);
            return TypedResults.Ok(request.Count);
        }

        for (var i = 0; i < request.Count; i++)
        {
            await session.DispatchAsync(GatewayEventNames.MessageCreate, Serialize(), cancellationToken);
        }

        return TypedResults.Ok(request.Count);
    }
}

public sealed record FaultRequest(string Kind, int? ShardId = null, int? Code = null, bool? Resumable = null, bool? On = null, int? Ms = null);

public sealed record DispatchRequest(string Type, JsonElement Data, int? ShardId = null, ulong? GuildId = null);

/// <param name="Rate">Events a second; all at once when not given.</param>
public sealed record StreamRequest(int Count, int? ShardId = null, int ContentLength = 500, bool ReusePayload = false, double? Rate = null);

public sealed record SessionView(
    string SessionId,
    int ShardId,
    int TotalShards,
    int Sequence,
    bool Connected,
    int Resumes,
    IReadOnlyList<int?> Heartbeats)
{
    public static SessionView From(EmulatedSession session) =>
        new(
            session.Id,
            session.ShardId,
            session.TotalShards,
            session.Sequence,
            session.Connection is not null,
            session.Resumes,
            [.. session.Heartbeats]);
}
