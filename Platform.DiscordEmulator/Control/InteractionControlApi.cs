using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Discord.Gateway;
using Platform.Discord.Interactions;
using Platform.Discord.Json;
using Platform.DiscordEmulator.Commands;
using Platform.DiscordEmulator.Gateway;
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
    private static async Task<IResult> InvokeAsync(
        InvokeRequest request, EmulatorWorld world, CommandRegistry commands, InteractionStore store, SessionRegistry sessions,
        IOptions<EmulatorOptions> options, CancellationToken cancellationToken)
    {
        if (world.FindGuild(request.GuildId) is not { } guild)
        {
            return DiscordErrors.UnknownGuild();
        }

        if (guild.Members?.FirstOrDefault(m => m.User?.Id == request.UserId) is not { } member)
        {
            return DiscordErrors.UnknownMember();
        }

        var command = commands.Get(guild.Id).Concat(commands.Get(0)).FirstOrDefault(c => c.Name == request.Name);
        var invokedOptions = request.Options?.Deserialize(DiscordJsonContext.Default.IReadOnlyListInteractionDataOption);
        var interaction = new Interaction(Snowflakes.Next(), options.Value.ApplicationId, request.Type, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)))
        {
            Data = new InteractionData
            {
                Id = command?.Id,
                Name = request.Name,
                Type = request.Type is InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete ? request.CommandType : null,
                Options = invokedOptions,
                Resolved = ResolvedData.For(guild, invokedOptions),
                GuildId = command?.GuildId,
                TargetId = request.TargetId,
                CustomId = request.CustomId,
                ComponentType = request.Type == InteractionType.MessageComponent ? request.ComponentType ?? ComponentType.Button : null,
                Values = request.Values,
                Components = request.Components?.Deserialize(DiscordJsonContext.Default.IReadOnlyListComponent),
            },
            GuildId = guild.Id,
            ChannelId = request.ChannelId ?? guild.Channels?.FirstOrDefault()?.Id,
            Member = member with { Permissions = world.PermissionsOf(guild, member) },
            AppPermissions = world.PermissionsOf(guild, null),
            Locale = "en-US",
            GuildLocale = "en-US",
            Entitlements = [],
            AuthorizingIntegrationOwners = new Dictionary<string, ulong> { ["0"] = guild.Id },
            Context = 0,
            AttachmentSizeLimit = 10_485_760,
        };

        var record = store.Add(interaction);
        var targets = sessions.ForGuild(guild.Id).Where(s => s.Connection is not null).ToList();
        if (targets.Count == 0)
        {
            return Results.Ok(record.ToTranscript("No bot session is connected for this guild's shard."));
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(interaction, DiscordJsonContext.Default.Interaction);
        foreach (var session in targets)
        {
            await session.DispatchAsync(GatewayEventNames.InteractionCreate, payload, cancellationToken);
        }

        return Results.Ok(await WaitForAnswerAsync(record, request, cancellationToken));
    }

    // Done once the bot has answered and, when it deferred, followed up; then a short quiet spell catches trailing edits.
    private static async Task<InteractionTranscript> WaitForAnswerAsync(InteractionRecord record, InvokeRequest request, CancellationToken cancellationToken)
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
    IReadOnlyList<ApplicationCommand> Global, IReadOnlyDictionary<ulong, IReadOnlyList<ApplicationCommand>> Guilds, IReadOnlyDictionary<ulong, int> Overwrites);

public sealed record RestView(int InvalidRequestsLastTenMinutes);

public sealed record StormRequest(string RoutePrefix, double Seconds);

public sealed record FailRequest(string RoutePrefix, int Count, int Status = 502);
