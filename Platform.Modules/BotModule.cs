using Platform.Discord.Interactions;
using Platform.Discord.Models;
using Platform.Modules.State;

namespace Platform.Modules;

/// <summary>
/// The base of a module, like Discord.Net's <c>InteractionModuleBase</c> or a discord.py cog: one
/// instance per interaction or event, created in its own DI scope, so constructor-injected services
/// (a <c>PlatformDbContext</c> among them) are never shared across threads.
/// </summary>
public abstract class BotModule
{
    private InteractionContext? context;

    /// <summary>The interaction being handled; not set in gateway event listeners.</summary>
    public InteractionContext Context
    {
        get => context ?? throw new InvalidOperationException("This module instance is handling a gateway event, not an interaction.");
        internal set => context = value;
    }

    internal InteractionResponder Responder { get; set; } = null!;

    /// <summary>Runs before every command, component or modal handler of the module.</summary>
    public virtual Task BeforeExecuteAsync() => Task.CompletedTask;

    /// <summary>Runs after every handler of the module that returned normally.</summary>
    public virtual Task AfterExecuteAsync() => Task.CompletedTask;

    /// <summary>Runs once when the bot starts, in a scope of its own, like a cog's <c>cog_load</c>.</summary>
    public virtual Task OnLoadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once when the bot stops, like a cog's <c>cog_unload</c>.</summary>
    public virtual Task OnUnloadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected Task RespondAsync(
        string? content = null,
        bool ephemeral = false,
        IReadOnlyList<Embed>? embeds = null,
        IReadOnlyList<Component>? components = null) =>
        Responder.RespondAsync(
            new InteractionCallbackData
            {
                Content = content,
                Embeds = embeds,
                Components = components,
            },
            ephemeral,
            Context.CancellationToken);

    /// <summary>Acknowledges now and answers later; a handler still running after about two seconds is deferred anyway.</summary>
    protected Task DeferAsync(bool ephemeral = false) => Responder.DeferAsync(ephemeral, Context.CancellationToken);

    protected Task<Message> FollowupAsync(
        string content,
        bool ephemeral = false,
        IReadOnlyList<Embed>? embeds = null) =>
        Responder.FollowupAsync(
            new MessageContent
            {
                Content = content,
                Embeds = embeds,
                Flags = ephemeral ? MessageFlags.Ephemeral : null,
            },
            Context.CancellationToken);

    /// <summary>Replaces the message whose component was used.</summary>
    protected Task UpdateMessageAsync(
        string? content = null,
        IReadOnlyList<Embed>? embeds = null,
        IReadOnlyList<Component>? components = null) =>
        Responder.UpdateMessageAsync(
            new InteractionCallbackData
            {
                Content = content,
                Embeds = embeds,
                Components = components,
            },
            Context.CancellationToken);

    protected Task RespondWithModalAsync(string customId, string title, IReadOnlyList<Component> rows) =>
        Responder.RespondWithModalAsync(InteractionResponse.Modal(customId, title, rows), Context.CancellationToken);

    /// <summary>
    /// Shows text that arrives in pieces, such as an LLM's streamed answer, as the reply: edited about once
    /// a second as it grows, and continued in follow-ups past Discord's 2,000 characters.
    /// </summary>
    protected Task StreamResponseAsync(IAsyncEnumerable<string> pieces, string whenEmpty = "(no answer)") =>
        new StreamedReply(Responder, Context.CancellationToken).WriteAsync(pieces, whenEmpty);

    /// <summary>This guild's settings of the module, validated, or the defaults where they are not valid.</summary>
    protected Task<T> GetSettingsAsync<T>() where T : class, new() =>
        Context.Services.GetRequiredService<ModuleSettingsReader>().ReadAsync<T>(GetType(), Context.RequireGuildId(), Context.CancellationToken);
}
