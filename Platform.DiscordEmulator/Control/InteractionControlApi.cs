using System.Text.Json;
using Platform.Discord.Interactions;
using Platform.DiscordEmulator.Commands;
using Platform.DiscordEmulator.Interactions;
using Platform.DiscordEmulator.Rest;
using Platform.DiscordEmulator.World;

namespace Platform.DiscordEmulator.Control;

/// <summary>Make a seeded member use the bot, and read back what the bot did.</summary>
public static class InteractionControlApi
{
    public static IEndpointRouteBuilder MapInteractionControlApi(this IEndpointRouteBuilder control)
    {
        control.MapPost("/interactions", InvokeAsync);
        control.MapPost("/interactions/load", InteractionLoad.RunAsync);
        control.MapGet("/interactions/{id}", (ulong id, InteractionStore store) =>
            store.Find(id) is { } record ? Results.Ok(record.ToTranscript()) : Results.NotFound());
        control.MapGet("/messages", (ulong? channel_id, MessageLog messages) => TypedResults.Ok(messages.InChannel(channel_id)));
        control.MapGet("/commands", (CommandRegistry registry) => TypedResults.Ok(new CommandsView(
            registry.Get(0), registry.Overwrites.Keys.Where(scope => scope != 0).ToDictionary(scope => scope, registry.Get), registry.Overwrites)));
        control.MapGet("/rest", (RestRateLimits limits) => TypedResults.Ok(new RestView(limits.InvalidRequestsLastTenMinutes)));
        control.MapPost("/rest/storm", (StormRequest storm, RestRateLimits limits) =>
        {
            limits.StartStorm(storm.RoutePrefix, TimeSpan.FromSeconds(storm.Seconds));
            return TypedResults.Ok();
        });
        control.MapPost("/rest/fail", (FailRequest fail, RestRateLimits limits) =>
        {
            limits.FailNext(fail.RoutePrefix, fail.Count, fail.Status);
            return TypedResults.Ok();
        });
        return control;
    }

    /// <summary>Sends INTERACTION_CREATE to the guild's shard and waits for the bot's callback, follow-ups and edits.</summary>
    private static async Task<IResult> InvokeAsync(InvokeRequest request, InteractionLauncher launcher, CancellationToken cancellationToken)
    {
        var (record, error, delivered) = await launcher.LaunchAsync(request, cancellationToken);
        return error ?? Results.Ok(delivered
            ? await WaitForAnswerAsync(record!, request, cancellationToken)
            : record!.ToTranscript("No bot session exists for this guild's shard."));
    }

    // Done once the bot has answered and, when it deferred, followed up; then a short quiet spell catches trailing edits.
    private static async Task<InteractionTranscript> WaitForAnswerAsync(
        InteractionRecord record,
        InvokeRequest request,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(request.WaitMs);
        try
        {
            while (!Answered(record))
            {
                await record.Changed.WaitAsync(deadline.Token);
            }

            while (true)
            {
                var changed = record.Changed;
                if (await Task.WhenAny(changed, Task.Delay(request.SettleMs, deadline.Token)) != changed)
                {
                    return record.ToTranscript();
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return record.ToTranscript(record.Callback is null
                ? $"The bot did not answer within {request.WaitMs} ms."
                : $"The bot deferred but did not follow up within {request.WaitMs} ms.");
        }
    }

    private static bool Answered(InteractionRecord record) =>
        record.Callback is { Type: var type }
        && (type is not ((int)InteractionCallbackType.DeferredChannelMessageWithSource or (int)InteractionCallbackType.DeferredUpdateMessage)
            || record.Responses.Count > 0);
}

public sealed record InvokeRequest(ulong GuildId, ulong UserId, string? Name = null)
{
    public InteractionType Type { get; init; } = InteractionType.ApplicationCommand;
    public ApplicationCommandType CommandType { get; init; } = ApplicationCommandType.ChatInput;
    public ulong? ChannelId { get; init; }
    public ulong? TargetId { get; init; }
    public JsonElement? Options { get; init; }
    public string? CustomId { get; init; }
    public ComponentType? ComponentType { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
    public JsonElement? Components { get; init; }
    public int WaitMs { get; init; } = 5_000;
    public int SettleMs { get; init; } = 250;
}

public sealed record CommandsView(
    IReadOnlyList<ApplicationCommand> Global,
    IReadOnlyDictionary<ulong, IReadOnlyList<ApplicationCommand>> Guilds,
    IReadOnlyDictionary<ulong, int> Overwrites);

public sealed record RestView(int InvalidRequestsLastTenMinutes);

public sealed record StormRequest(string RoutePrefix, double Seconds);

public sealed record FailRequest(string RoutePrefix, int Count, int Status = 502);
