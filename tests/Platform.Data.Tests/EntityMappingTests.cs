using Microsoft.EntityFrameworkCore;
using Platform.Data.Guilds;
using Platform.Data.Llm;
using Platform.Testing;

namespace Platform.Data.Tests;

[Collection(PostgresCollection.Name)]
public sealed class EntityMappingTests(LocalPostgresFixture postgres)
{
    [Fact]
    public async Task Call_status_is_stored_by_its_snake_case_name_and_read_back()
    {
        await using var db = await MigratedContextAsync();
        var id = Guid.CreateVersion7();
        db.LlmUsage.Add(new LlmUsage
        {
            Id = id,
            OccurredAt = DateTimeOffset.UtcNow,
            GuildId = 1,
            Module = "ask",
            Provider = "openai",
            ModelRequested = "gpt-5-mini",
            Status = LlmCallStatus.BudgetBlocked,
            CostUsd = 0.000000123m,
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var stored = await db.Database.SqlQuery<string>($"SELECT status AS \"Value\" FROM llm_usage WHERE id = {id}").SingleAsync();
        var read = await db.LlmUsage.SingleAsync(u => u.Id == id);

        Assert.Equal("budget_blocked", stored);
        Assert.Equal(LlmCallStatus.BudgetBlocked, read.Status);
        Assert.Equal(0.000000123m, read.CostUsd);
    }

    [Fact]
    public async Task Snowflakes_above_the_int_range_round_trip()
    {
        await using var db = await MigratedContextAsync();
        const long snowflake = 1_253_849_000_123_456_789;
        db.Guilds.Add(
            new Guild
            {
                Id = snowflake,
                Name = "Large ids",
                OwnerId = snowflake - 1,
                JoinedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var guild = await db.Guilds.SingleAsync(g => g.Id == snowflake);

        Assert.Equal(snowflake - 1, guild.OwnerId);
    }

    [Fact]
    public async Task A_negative_budget_is_refused_by_the_database()
    {
        await using var db = await MigratedContextAsync();
        db.Guilds.Add(new Guild { Id = 42, Name = "Budgeted", JoinedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
        db.LlmBudgets.Add(new LlmBudget { GuildId = 42, MonthlyLimitUsd = -1, UpdatedAt = DateTimeOffset.UtcNow });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("ck_llm_budgets_monthly_limit", error.InnerException?.Message);
    }

    [Fact]
    public async Task Seeding_prices_twice_adds_each_price_once()
    {
        await using var db = await MigratedContextAsync();

        var first = await ModelPriceSeed.ApplyAsync(db, CancellationToken.None);
        var second = await ModelPriceSeed.ApplyAsync(db, CancellationToken.None);

        Assert.Equal(ModelPriceSeed.Prices.Count, first);
        Assert.Equal(0, second);
        Assert.Equal(ModelPriceSeed.Prices.Count, await db.LlmModelPrices.CountAsync());
        var mini = await db.LlmModelPrices.SingleAsync(p => p.Provider == "openai" && p.Model == "gpt-4o-mini");
        Assert.Equal((0.15m, 0.075m, 0.60m), (mini.InputPerMillion, mini.CachedInputPerMillion, mini.OutputPerMillion));
    }

    private async Task<PlatformDbContext> MigratedContextAsync()
    {
        var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(await postgres.CreateDatabaseAsync()));
        await db.Database.MigrateAsync();
        return db;
    }
}
