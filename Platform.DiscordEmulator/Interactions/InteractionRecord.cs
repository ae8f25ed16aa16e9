using System.Text.Json;
using Platform.Discord.Interactions;
using Platform.Discord.Models;

namespace Platform.DiscordEmulator.Interactions;

/// <summary>An interaction the emulator created, and everything the bot did in answer, with timings.</summary>
public sealed class InteractionRecord(Interaction interaction, DateTimeOffset createdAt)
{
    private readonly Lock gate = new();
    private readonly List<TranscriptEntry> responses = [];
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Interaction Interaction { get; } = interaction;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public TranscriptEntry? Callback { get; private set; }
    public Message? Original { get; private set; }

    public IReadOnlyList<TranscriptEntry> Responses
    {
        get
        {
            lock (gate)
            {
                return [.. responses];
            }
        }
    }

    /// <summary>Completes at the next thing the bot does with this interaction.</summary>
    public Task Changed => changed.Task;

    /// <returns>False when the interaction was already acknowledged.</returns>
    public bool Acknowledge(InteractionCallbackType type, JsonElement? data, DateTimeOffset at, Message? original)
    {
        lock (gate)
        {
            if (Callback is not null)
            {
                return false;
            }

            Callback = new TranscriptEntry("callback", (int)type, data, (at - CreatedAt).TotalMilliseconds);
            Original = original;
        }

        Signal();
        return true;
    }

    public void Record(string kind, JsonElement? data, DateTimeOffset at, Message? original = null)
    {
        lock (gate)
        {
            responses.Add(new TranscriptEntry(kind, null, data, (at - CreatedAt).TotalMilliseconds));
            Original = original ?? Original;
        }

        Signal();
    }

    public InteractionTranscript ToTranscript(string? error = null) =>
        new(Interaction.Id, Interaction.Token, Callback, Responses, Original, error);

    private void Signal() => Interlocked.Exchange(ref changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

/// <summary>One thing the bot did: the callback, a follow-up, an edit or a deletion, and when, from the interaction's start.</summary>
public sealed record TranscriptEntry(string Kind, int? Type, JsonElement? Data, double AfterMs);

public sealed record InteractionTranscript(
    ulong InteractionId, string Token, TranscriptEntry? Callback, IReadOnlyList<TranscriptEntry> Responses, Message? Original, string? Error);
