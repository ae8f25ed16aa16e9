using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Llm;
using Platform.Modules.State;

namespace Platform.Bot.Llm.Budgets;

/// <summary>Each guild's LLM budget row (or none), kept in memory and dropped when the api announces a change.</summary>
public sealed class GuildBudgets(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    private readonly GuildCache<LlmBudget?> budgets = new("llm_budgets", time);

    public Task<LlmBudget?> GetAsync(ulong guildId, CancellationToken cancellationToken) =>
        budgets.GetAsync(guildId, LoadAsync, cancellationToken);

    public void Invalidate(ulong guildId) => budgets.Invalidate(guildId);

    public void InvalidateAll() => budgets.InvalidateAll();

    public void Dispose() => budgets.Dispose();

    private async Task<LlmBudget?> LoadAsync(ulong guildId)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LlmBudgets.AsNoTracking()
            .SingleOrDefaultAsync(b => b.GuildId == (long)guildId);
    }
}
