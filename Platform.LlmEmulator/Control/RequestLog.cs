using System.Collections.Concurrent;
using Platform.LlmEmulator.Chat;

namespace Platform.LlmEmulator.Control;

/// <summary>Every completion request and how it ended, for tests to compare with what the bot recorded.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> requests = new();

    public IReadOnlyCollection<LoggedRequest> All => requests;

    public void Add(LoggedRequest request) => requests.Enqueue(request);
}

/// <param name="Status">ok, cancelled, or the fault it met.</param>
public sealed record LoggedRequest(
    string RequestId,
    string Model,
    bool Stream,
    string Status,
    int PromptTokens,
    int CompletionTokens,
    DateTimeOffset At)
{
    public static LoggedRequest Of(string requestId, ChatRequest request, Completion completion, string status, TimeProvider time) =>
        new(requestId, completion.Model, request.Stream, status, completion.Usage.PromptTokens, completion.Usage.CompletionTokens, time.GetUtcNow());
}
