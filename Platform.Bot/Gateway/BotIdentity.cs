using Platform.Discord.Models;

namespace Platform.Bot.Gateway;

/// <summary>The bot's application, learned from Discord at start-up; its id keys commands and the bot's Redis names.</summary>
public sealed class BotIdentity
{
    private readonly TaskCompletionSource<Application> application = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Application> WhenKnown => application.Task;

    public ulong ApplicationId => application.Task.IsCompletedSuccessfully
        ? application.Task.Result.Id
        : throw new InvalidOperationException("The bot's application is not known yet; await WhenKnown first.");

    internal void Set(Application known) => application.TrySetResult(known);
}
