using System.Diagnostics;
using Platform.Discord;
using Platform.Discord.Interactions;
using Platform.Discord.Rest;
using Platform.Modules.Catalog;
using Platform.Modules.State;

namespace Platform.Modules.Dispatch;

/// <summary>
/// Runs one interaction: finds its handler, checks the module is on in the guild and the preconditions
/// pass, runs the handler in a DI scope of its own, defers it when it runs long, and turns any failure
/// into an ephemeral answer. Nothing a handler does can take the shard down. Interactions take their
/// turn through <see cref="InteractionAdmission"/>; one that waited past Discord's three seconds for it
/// (the bot is behind), or that was made that long ago (replayed after its shard moved), is dropped unrun:
/// nothing can answer it any more, and running it would only put the bot further behind.
/// </summary>
internal sealed partial class InteractionDispatcher(
    ModuleCatalog catalog,
    GuildModuleStates states,
    IServiceScopeFactory scopes,
    InteractionAdmission admission,
    DiscordRestClient rest,
    ModuleOptions options,
    ILogger<InteractionDispatcher> logger)
{
    /// <summary>How long Discord waits for the first answer to an interaction.</summary>
    public static readonly TimeSpan AnswerDeadline = TimeSpan.FromSeconds(3);

    /// <summary>
    /// An interaction replayed to a shard that moved to another process was read late: its id says when it was made.
    /// Clocks differ, so by its id it counts as expired only this much past the deadline.
    /// </summary>
    private static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromSeconds(0.5);

    /// <param name="receivedAt">When the interaction was read off the gateway, in <see cref="Stopwatch"/> ticks.</param>
    public async Task DispatchAsync(Interaction interaction, int shardId, long receivedAt, CancellationToken cancellationToken)
    {
        using var slot = await admission.EnterAsync(cancellationToken);
        var route = InteractionRoute.Find(catalog, interaction);
        var waited = Stopwatch.GetElapsedTime(receivedAt);
        if (waited >= AnswerDeadline || DateTimeOffset.UtcNow - Snowflake.CreatedAt(interaction.Id) >= AnswerDeadline + ClockSkewAllowance)
        {
            LogExpired(interaction.Id, waited.TotalMilliseconds);
            ModuleTelemetry.Interactions.Add(1, Tags(route, "expired"));
            return;
        }

        using var activity = ModuleTelemetry.ActivitySource.StartActivity(
            route?.Handler.SpanName ?? $"interaction {interaction.Data?.Name ?? interaction.Type.ToString()}");
        activity
            ?.SetTag("discord.interaction.id", interaction.Id)
            .SetTag("discord.guild.id", interaction.GuildId)
            .SetTag("discord.shard.id", shardId);
        var responder = new InteractionResponder(rest, interaction, slot.Dispose);
        var outcome = "ok";
        try
        {
            using (AutoDeferral.Start(route, responder, options.AutoDeferAfter - waited, logger, cancellationToken))
            {
                outcome = await RunAsync(route, interaction, shardId, responder, cancellationToken);
            }
        }
        catch (DiscordApiException late) when (late.Code == DiscordApiException.UnknownInteraction && !responder.HasResponded)
        {
            // Discord's three seconds ran out before the first answer left (a slow handler, or a bot far behind):
            // nothing can reach the member any more, so the member is not told either.
            outcome = "expired";
            LogAnsweredLate(interaction.Id, Stopwatch.GetElapsedTime(receivedAt).TotalMilliseconds);
        }
        catch (CommandRefusedException refused)
        {
            outcome = "refused";
            await TryAnswerAsync(responder, refused.Message, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = "error";
            var traceId = activity?.TraceId.ToString() ?? ActivityTraceId.CreateRandom().ToString();
            activity?.SetStatus(ActivityStatusCode.Error, error.Message).AddException(error);
            LogHandlerFailed(error, route?.Handler.DisplayName ?? "(none)", interaction.Id, traceId);
            await TryAnswerAsync(
                responder,
                $"Something went wrong while handling this. The bot's operators can look it up by trace id `{traceId}`.",
                cancellationToken);
        }
        finally
        {
            var tags = Tags(route, outcome);
            ModuleTelemetry.Interactions.Add(1, tags);
            ModuleTelemetry.InteractionDuration.Record(Stopwatch.GetElapsedTime(receivedAt).TotalMilliseconds, tags);
        }
    }

    private static TagList Tags(InteractionRoute? route, string outcome) =>
        new() { { "module", route?.Handler.Module.Name ?? "none" }, { "handler", route?.Handler.DisplayName ?? "none" }, { "outcome", outcome } };

    private async Task<string> RunAsync(
        InteractionRoute? route,
        Interaction interaction,
        int shardId,
        InteractionResponder responder,
        CancellationToken cancellationToken)
    {
        if (route is null)
        {
            await responder.RespondAsync(
                new()
                {
                    Content =
                        "This bot does not know that command (any more). Discord may still be showing an old list; try again in a minute.",
                },
                ephemeral: true,
                cancellationToken);
            return "unknown";
        }

        var module = route.Handler.Module;
        if (interaction.GuildId is not { } guildId)
        {
            await responder.RespondAsync(new() { Content = "This works in servers only." }, ephemeral: true, cancellationToken);
            return "not_in_guild";
        }

        if (!await states.IsEnabledAsync(guildId, module, cancellationToken))
        {
            await responder.RespondAsync(
                new()
                {
                    Content =
                        $"The `{module.Name}` module is turned off in this server. A server admin can turn it on in the dashboard.",
                },
                ephemeral: true,
                cancellationToken);
            return "disabled";
        }

        await using var scope = scopes.CreateAsyncScope();
        var context = new InteractionContext(interaction, shardId, scope.ServiceProvider, cancellationToken);
        foreach (var precondition in route.Handler.Preconditions)
        {
            if (await precondition.CheckAsync(context, route.Handler) is { IsSuccess: false, Reason: var reason })
            {
                await responder.RespondAsync(new() { Content = reason }, ephemeral: true, cancellationToken);
                return "precondition";
            }
        }

        object?[] arguments;
        try
        {
            arguments = route.Arguments(cancellationToken);
        }
        catch (OptionBindingException error)
        {
            await responder.RespondAsync(new() { Content = error.Message }, ephemeral: true, cancellationToken);
            return "bad_input";
        }

        CurrentInvocation.Set(route.Handler, guildId, interaction.ChannelId, interaction.Invoker?.Id);
        var instance = route.Handler.CreateModule(scope.ServiceProvider);
        instance.Context = context;
        instance.Responder = responder;
        if (route.Handler is AutocompleteInfo autocomplete)
        {
            var suggestions = await autocomplete.SuggestAsync(instance, (string)arguments[0]!);
            await responder.RespondWithChoicesAsync(
                [
                    .. suggestions
                        .Take(25)
                        .Select(s => new ApplicationCommandOptionChoice(
                            s,
                            System.Text.Json.JsonSerializer.SerializeToElement(s)))],
                cancellationToken);
            return "ok";
        }

        await instance.BeforeExecuteAsync();
        await route.Handler.InvokeAsync(instance, arguments);
        await instance.AfterExecuteAsync();
        if (!responder.HasResponded)
        {
            LogNoAnswer(route.Handler.DisplayName);
        }

        await responder.CompleteAsync(cancellationToken);
        return "ok";
    }

    private async Task TryAnswerAsync(InteractionResponder responder, string message, CancellationToken cancellationToken)
    {
        try
        {
            await responder.RespondAsync(new() { Content = message }, ephemeral: true, cancellationToken);
        }
        catch (Exception error) when (error is DiscordApiException or HttpRequestException or InvalidOperationException)
        {
            LogAnswerFailed(error);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler {Handler} failed on interaction {InteractionId}; trace {TraceId}")]
    private partial void LogHandlerFailed(Exception error, string handler, ulong interactionId, string traceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler {Handler} returned without answering; the member got a plain acknowledgement")]
    private partial void LogNoAnswer(string handler);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Dropped interaction {InteractionId} unrun: it waited {WaitedMs:F0} ms for its turn, or was made before Discord's three seconds")]
    private partial void LogExpired(ulong interactionId, double waitedMs);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Interaction {InteractionId} expired before its first answer left, {ElapsedMs:F0} ms after it was read")]
    private partial void LogAnsweredLate(ulong interactionId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the member about a failed interaction")]
    private partial void LogAnswerFailed(Exception error);
}
