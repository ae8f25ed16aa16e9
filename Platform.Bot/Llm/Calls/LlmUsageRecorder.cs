using Microsoft.Extensions.AI;
using Platform.Bot.Llm.Budgets;
using Platform.Bot.Llm.Usage;
using Platform.Modules;

namespace Platform.Bot.Llm.Calls;

/// <summary>Opens a call's record, and when it ends prices it, queues it for Postgres and counts it against the budgets.</summary>
internal sealed class LlmUsageRecorder(LlmSettings settings, LlmPrices prices, LlmUsageQueue queue, BudgetSpend budgets, TimeProvider time)
{
    public LlmCall Start(Invocation? caller, ChatOptions? options) => LlmCall.Start(caller, settings, options, time);

    public async Task RecordAsync(LlmCall call)
    {
        prices.Price(call.Usage);
        await queue.RecordAsync(call.Usage);
        await budgets.AddAsync(call.Usage);
    }
}
