using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Guilds;

namespace Platform.Data.Llm;

/// <summary>
/// A guild's monthly LLM spending limit, with an early warning and an optional per-user daily cap, kept
/// to nine decimals like the costs they are compared with (a member's daily cap can be a fraction of a cent).
/// </summary>
public sealed class LlmBudget
{
    public long GuildId { get; set; }
    public decimal MonthlyLimitUsd { get; set; }
    /// <summary>Percent of the monthly limit at which the guild's alert channel is told, once per month.</summary>
    public int SoftThresholdPercent { get; set; } = 80;
    public long? AlertChannelId { get; set; }
    public decimal? PerUserDailyLimitUsd { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long UpdatedBy { get; set; }
}

internal sealed class LlmBudgetConfiguration : IEntityTypeConfiguration<LlmBudget>
{
    public void Configure(EntityTypeBuilder<LlmBudget> budget)
    {
        budget.ToTable("llm_budgets", table =>
        {
            table.HasCheckConstraint("ck_llm_budgets_monthly_limit", "monthly_limit_usd >= 0");
            table.HasCheckConstraint("ck_llm_budgets_soft_threshold", "soft_threshold_percent BETWEEN 1 AND 100");
        });
        budget.HasKey(b => b.GuildId);
        budget.Property(b => b.MonthlyLimitUsd).HasPrecision(18, 9);
        budget.Property(b => b.PerUserDailyLimitUsd).HasPrecision(18, 9);
        budget.HasOne<Guild>().WithMany().HasForeignKey(b => b.GuildId).OnDelete(DeleteBehavior.Cascade);
    }
}
