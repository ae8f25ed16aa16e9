using Microsoft.Extensions.AI;
using Platform.Modules;

namespace Platform.Bot.Llm.Calls;

/// <summary>
/// The provider when no LLM is configured: the bot runs, its other modules work, and an AI command
/// tells the member privately that AI is not set up here, instead of the bot failing to start.
/// </summary>
internal sealed class UnconfiguredChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default) => throw new LlmNotConfiguredException();

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default) => throw new LlmNotConfiguredException();

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // Holds nothing.
    }
}

/// <summary>No <c>Llm:Endpoint</c> and <c>Llm:ApiKey</c> are set; the AppHost sets them from its llm-endpoint and llm-api-key parameters.</summary>
public sealed class LlmNotConfiguredException()
    : CommandRefusedException(
        "AI commands are not set up for this bot yet: its operators have not configured an AI provider.");
