using System.Diagnostics;
using Microsoft.Extensions.AI;
using Platform.Data.Llm;
using Platform.Modules;

namespace Platform.Bot.Llm.Calls;

/// <summary>One LLM call on its way to becoming a usage record: who made it, and what it used.</summary>
internal sealed class LlmCall
{
    private readonly long started = Stopwatch.GetTimestamp();

    private LlmCall(LlmUsage usage) => Usage = usage;

    public LlmUsage Usage { get; }

    public bool IsEnded { get; private set; }

    private bool HasUsage { get; set; }

    public static LlmCall Start(Invocation? caller, LlmSettings settings, ChatOptions? options, TimeProvider time) => new(new LlmUsage
    {
        Id = Guid.CreateVersion7(),
        OccurredAt = time.GetUtcNow(),
        GuildId = (long?)caller?.GuildId,
        ChannelId = (long?)caller?.ChannelId,
        UserId = (long?)caller?.UserId,
        Module = caller?.Module ?? "none",
        Command = caller?.Handler is { } handler ? Truncate(handler, 64) : null,
        Provider = settings.Provider,
        ModelRequested = options?.ModelId ?? settings.Model,
    });

    public void FirstToken() => Usage.TimeToFirstTokenMs ??= ElapsedMs();

    public void Answered(string? modelId, string? responseId, UsageDetails? usage)
    {
        Usage.ModelReturned = modelId ?? Usage.ModelReturned;
        Usage.RequestId = responseId ?? Usage.RequestId;
        if (usage is not null)
        {
            HasUsage = true;
            Usage.InputTokens = (int)(usage.InputTokenCount ?? 0);
            Usage.CachedInputTokens = (int)(usage.CachedInputTokenCount ?? 0);
            Usage.OutputTokens = (int)(usage.OutputTokenCount ?? 0);
            Usage.ReasoningTokens = (int)(usage.ReasoningTokenCount ?? 0);
        }
    }

    public void Ended(LlmCallStatus status, string? errorKind = null)
    {
        Usage.Status = status;
        Usage.ErrorKind = errorKind;
        Usage.DurationMs = ElapsedMs();
        IsEnded = true;
    }

    /// <summary>
    /// A call cancelled before the provider reported usage may still be billed: about four characters
    /// a token for what was sent and what had arrived. Failed calls are not billed and stay at zero.
    /// </summary>
    public void EstimateUsageIfCancelled(IEnumerable<ChatMessage> messages, int charactersReceived)
    {
        if (Usage.Status == LlmCallStatus.Cancelled && !HasUsage)
        {
            Usage.InputTokens = (messages.Sum(m => m.Text.Length) + 3) / 4;
            Usage.OutputTokens = (charactersReceived + 3) / 4;
        }
    }

    private int ElapsedMs() => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
