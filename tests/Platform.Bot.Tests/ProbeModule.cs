using System.Collections.Concurrent;
using Platform.Discord.Gateway;
using Platform.Discord.Models;
using Platform.Modules;
using Platform.Modules.Attributes;
using Platform.Modules.Catalog;
using Platform.Modules.Preconditions;

namespace Platform.Bot.Tests;

/// <summary>A module of the tests' own, loaded beside the built-in ones, with handlers that misbehave on purpose.</summary>
[Module("probe", "Handlers for tests.")]
public sealed class ProbeModule(ProbeLog log) : BotModule
{
    [SlashCommand("slow", "Answers after a while")]
    public async Task SlowAsync([Option("ms", "How long to take")] long ms)
    {
        log.SlowStarted.TrySetResult();
        await Task.Delay(TimeSpan.FromMilliseconds(ms), Context.CancellationToken);
        await RespondAsync("Finally.");
    }

    [SlashCommand("late", "Defers at once and answers after a while")]
    public async Task LateAsync()
    {
        await DeferAsync();
        log.LateDeferred.TrySetResult();
        await Task.Delay(TimeSpan.FromSeconds(3), Context.CancellationToken);
        await RespondAsync("Late.");
    }

    [SlashCommand("slow-check", "Passes a slow precondition")]
    [SlowPrecondition]
    public Task SlowCheckAsync() => RespondAsync("Checked.");

    [SlashCommand("count", "Counts its runs")]
    public Task CountAsync()
    {
        log.Runs.Increment();
        return RespondAsync("Counted.");
    }

    [SlashCommand("boom", "Throws")]
    public Task BoomAsync() => throw new InvalidOperationException("Boom.");

    [SlashCommand("echo", "Repeats its options")]
    public Task EchoAsync(
        [Option("count", "A whole number", MinValue = 1, MaxValue = 10)] long count,
        [Option("user", "A member")] GuildMember user,
        [Option("channel", "A channel")] Channel channel,
        [Option("role", "A role")] Role role,
        [Option("ratio", "A number")] double ratio = 0.5,
        [Option("loud", "A switch")] bool loud = false,
        [Option("colour", "A choice"), Choice("Red", "red"), Choice("Blue", "blue")] string? colour = null) =>
        RespondAsync($"{count} {user.User!.Username} {channel.Name} {role.Name} {ratio} {loud} {colour ?? "none"}");

    [SlashCommand("once", "Allowed once a minute")]
    [Cooldown(1, 60)]
    public Task OnceAsync() => RespondAsync("Once.");

    [ComponentInteraction("probe-button:*")]
    public Task ButtonAsync(string id) => RespondAsync($"Button {id}.");

    [ModalInteraction("probe-modal:*")]
    public Task ModalAsync(string id, string note) => RespondAsync($"Modal {id}: {note}");

    [GatewayEvent(GatewayEventNames.MessageCreate)]
    public Task OnMessageAsync(Message message)
    {
        log.Messages.Add(message);
        return Task.CompletedTask;
    }

    [Group("probe-admin", "Grouped commands")]
    public sealed class Admin : BotModule
    {
        [SlashCommand("ping", "Answers from a group")]
        public Task PingAsync() => RespondAsync("Grouped pong.");

        [Group("deep", "A subcommand group")]
        public sealed class Deep : BotModule
        {
            [SlashCommand("ping", "Answers from a subcommand group")]
            public Task PingAsync() => RespondAsync("Deep pong.");
        }
    }
}

/// <summary>A check as slow as a cold first database read.</summary>
public sealed class SlowPreconditionAttribute : PreconditionAttribute
{
    public override async ValueTask<PreconditionResult> CheckAsync(InteractionContext context, HandlerInfo handler)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(2600));
        return PreconditionResult.Success;
    }
}

/// <summary>What the probe module's listener saw.</summary>
public sealed class ProbeLog
{
    public ConcurrentBag<Message> Messages { get; } = [];

    public Counter Runs { get; } = new();

    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource LateDeferred { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public sealed class Counter
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Increment() => Interlocked.Increment(ref count);
    }
}
