using Platform.Discord.Models;

namespace Platform.Modules;

/// <summary>The bot's application, learned from Discord at start-up; its id keys commands and the bot's Redis names.</summary>
public sealed class BotIdentity
{
    private Application? application;

    public ulong ApplicationId => application?.Id
        ?? throw new InvalidOperationException("The bot's application is not known yet: it is read from Discord when the bot starts.");

    internal void Set(Application known) => application = known;
}
