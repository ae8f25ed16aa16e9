using System.Text.Json;
using Platform.Discord.Interactions;
using Platform.Discord.Models;
using Platform.DiscordEmulator.Interactions;

namespace Platform.Bot.Tests;

/// <summary>Reading what the bot answered from the emulator's transcript of an interaction.</summary>
public static class Transcripts
{
    /// <summary>The text the member finally sees: the callback's message, or the last edit or follow-up after a deferral.</summary>
    public static string Text(this InteractionTranscript transcript)
    {
        Assert.Null(transcript.Error);
        var last = transcript.Responses.LastOrDefault(r => r.Data is not null)?.Data ?? transcript.Callback?.Data;
        return last is { } data && data.TryGetProperty("content", out var content) ? content.GetString() ?? "" : "";
    }

    /// <summary>Whether the answer the member sees is visible to them only.</summary>
    public static bool IsEphemeral(this InteractionTranscript transcript)
    {
        // An edit of the original keeps the visibility the callback (a deferral, say) gave it.
        var shown = transcript.Responses.LastOrDefault(r => r.Data is not null) is { Kind: "followup" } followup
            ? followup.Data
            : transcript.Callback?.Data;
        return shown is { } data
            && data.TryGetProperty("flags", out var flags)
            && ((MessageFlags)flags.GetInt32()).HasFlag(MessageFlags.Ephemeral);
    }

    public static InteractionCallbackType? CallbackType(this InteractionTranscript transcript) =>
        (InteractionCallbackType?)transcript.Callback?.Type;

    /// <summary>Autocomplete choices offered, by name.</summary>
    public static IReadOnlyList<string> Choices(this InteractionTranscript transcript) =>
        transcript.Callback?.Data is { } data && data.TryGetProperty("choices", out var choices)
            ? [.. choices.EnumerateArray().Select(c => c.GetProperty("name").GetString()!)]
            : [];

    public static JsonElement StringOption(string name, string value) =>
        JsonSerializer.SerializeToElement(new { name, type = 3, value });
}
