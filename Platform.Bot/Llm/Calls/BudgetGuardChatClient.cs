using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Platform.Bot.Llm.Budgets;
using Platform.Modules;

namespace Platform.Bot.Llm.Calls;

/// <summary>Refuses a call over budget before it reaches the provider, and records the refusal as <c>budget_blocked</c>.</summary>
internal sealed class BudgetGuardChatClient(IChatClient inner, LlmBudgetGuard guard, CurrentInvocation invocation) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        await guard.EnsureWithinAsync(invocation.Value, options, cancellationToken);
        return await base.GetResponseAsync(messages, options, cancellationToken);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await guard.EnsureWithinAsync(invocation.Value, options, cancellationToken);
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            yield return update;
        }
    }
}
