using Platform.Discord.Rest;
using Platform.Modules.Catalog;

namespace Platform.Modules.Dispatch;

/// <summary>
/// Defers an interaction still unanswered after <see cref="ModuleOptions.AutoDeferAfter"/>, counted from its arrival:
/// time spent waiting for its turn, a cold first database read in the module check or a precondition counts as much
/// as a slow handler. One timer runs beside the handler and is dropped when the handler ends, so an interaction
/// answered in time costs that timer and nothing else.
/// </summary>
internal sealed partial class AutoDeferral(InteractionResponder responder, bool ephemeral, ILogger logger, CancellationToken cancellationToken)
{
    /// <returns>The running timer, to dispose when the handler ends; none for what is never deferred.</returns>
    public static IDisposable? Start(
        InteractionRoute? route,
        InteractionResponder responder,
        TimeSpan after,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        if (route is null || route.Handler is AutocompleteInfo)
        {
            return null;
        }

        var deferral = new AutoDeferral(responder, route.Handler is CommandInfo { DeferEphemeral: true }, logger, cancellationToken);
        // The timer flows the execution context: the deferral's request is a child of the interaction's span.
        return TimeProvider.System.CreateTimer(
            static state => _ = ((AutoDeferral)state!).DeferAsync(),
            deferral,
            after > TimeSpan.Zero ? after : TimeSpan.Zero,
            Timeout.InfiniteTimeSpan);
    }

    private async Task DeferAsync()
    {
        if (responder.HasResponded)
        {
            return;
        }

        try
        {
            await responder.DeferAsync(ephemeral, cancellationToken);
            ModuleTelemetry.AutoDeferrals.Add(1);
        }
        catch (Exception error) when (error is DiscordApiException or HttpRequestException)
        {
            // The handler goes on; its own answer will meet the same trouble and be reported there.
            LogDeferFailed(logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not defer a slow interaction")]
    private static partial void LogDeferFailed(ILogger logger, Exception error);
}
