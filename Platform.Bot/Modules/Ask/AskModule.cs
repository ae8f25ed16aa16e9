using System.Globalization;
using Microsoft.Extensions.AI;
using Platform.Bot.Llm;
using Platform.Bot.Llm.Budgets;
using Platform.Data;
using Platform.Data.Llm;
using Platform.Modules;
using Platform.Modules.Attributes;

namespace Platform.Bot.Modules.Ask;

[Module("ask", "Ask the AI, and see what the AI costs this server.")]
public sealed class AskModule(
    IChatClient chat,
    LlmBudgetGuard budget,
    CurrentInvocation invocation,
    SpendCounters spend,
    GuildBudgets budgets,
    PlatformDbContext db,
    TimeProvider time) : BotModule
{
    private const int PromptMaxLength = 4000;

    [SlashCommand("ask", "Ask the AI; the answer appears as it is written")]
    public async Task AskAsync([Option("prompt", "What to ask", MaxLength = PromptMaxLength)] string prompt)
    {
        // A spent budget is told privately, before the public "thinking…" a deferral shows.
        await budget.EnsureWithinAsync(invocation.Value, options: null, Context.CancellationToken);
        await DeferAsync();
        var answer = chat.GetStreamingResponseAsync(prompt, cancellationToken: Context.CancellationToken);
        await StreamResponseAsync(answer.Select(update => update.Text));
    }

    [SlashCommand("usage", "What this server has spent on AI this month, against its budget")]
    public async Task UsageAsync()
    {
        var guildId = Context.RequireGuildId();
        var now = time.GetUtcNow();
        var spent = await spend.GuildMonthAsync(guildId, now, Context.CancellationToken);
        var limit = await budgets.GetAsync(guildId, Context.CancellationToken);
        var month = UtcMonth.FirstDay(now);
        var byModule = await LlmUsageSummary.ForGuildAsync(
            db,
            (long)guildId,
            month,
            DateOnly.FromDateTime(now.UtcDateTime),
            Context.CancellationToken);

        var period = now.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            limit is null
                ? $"**AI spend in {period}:** {Usd.Format(spent)} (no budget set)"
                : $"**AI spend in {period}:** {Usd.Format(spent)} of {Usd.Format(limit.MonthlyLimitUsd)} ({Percent(spent, limit.MonthlyLimitUsd)})",
        };
        if (limit?.PerUserDailyLimitUsd is { } daily)
        {
            var today = await spend.MemberDayAsync(guildId, Context.User.Id, now, Context.CancellationToken);
            lines.Add($"**Your spend today:** {Usd.Format(today)} of {Usd.Format(daily)}");
        }

        lines.AddRange(byModule.Take(5).Select(Describe));
        await RespondAsync(MessageText.Fit(string.Join('\n', lines)), ephemeral: true);
    }

    private static string Describe(LlmUsageLine line)
    {
        var refused = line.RefusedCalls > 0 ? $" (and {Count(line.RefusedCalls, "call")} refused by the budget)" : "";
        var unpriced = line.UnpricedCalls > 0
            ? $" ({line.UnpricedCalls:N0} with no price for the model, charged at the highest rates)"
            : "";
        return $"- `{line.Module}` on `{line.Model}`: {Count(line.Calls, "call")}{refused}, {Usd.Format(line.CostUsd)}{unpriced}";
    }

    private static string Count(long count, string noun) => $"{count:N0} {noun}{(count == 1 ? "" : "s")}";

    private static string Percent(decimal part, decimal whole) =>
        whole == 0 ? "no spending allowed" : (part / whole).ToString("P0", CultureInfo.InvariantCulture);
}
