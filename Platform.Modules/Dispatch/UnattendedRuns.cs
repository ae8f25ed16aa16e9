using System.Diagnostics;
using Platform.Modules.Catalog;

namespace Platform.Modules.Dispatch;

/// <summary>
/// Runs a handler no member is waiting on (a gateway event listener, a loop) in a DI scope of its own, under a span,
/// as the current invocation so that what it spends on an LLM is counted to its module. A failure is logged and
/// reported as the outcome, never thrown: one bad run must not stop the events or ticks after it.
/// </summary>
internal sealed partial class UnattendedRuns(IServiceScopeFactory scopes, ILogger<UnattendedRuns> logger)
{
    private const string Succeeded = "ok";
    private const string Failed = "error";

    /// <param name="arguments">
    /// The handler's arguments, read inside the run, so that an event it cannot read is its own failure.
    /// </param>
    public async Task<string> RunAsync(
        HandlerInfo handler,
        string spanName,
        ulong? guildId,
        Func<object?[]> arguments,
        CancellationToken cancellationToken)
    {
        using var activity = ModuleTelemetry.ActivitySource.StartActivity(spanName);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            CurrentInvocation.Set(handler, guildId, channelId: null, userId: null);
            await handler.InvokeAsync(handler.CreateModule(scope.ServiceProvider), arguments());
            return Succeeded;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.Message).AddException(error);
            LogFailed(error, handler.DisplayName, handler.Module.Name, guildId);
            return Failed;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Handler} of module {Module} failed (guild {GuildId})")]
    private partial void LogFailed(Exception error, string handler, string module, ulong? guildId);
}
