using Platform.Modules;

namespace Platform.Bot.Llm.Budgets;

/// <summary>A call refused because the guild's month or the member's day is spent; the member is told why.</summary>
public sealed class LlmBudgetExceededException(string message) : CommandRefusedException(message);
