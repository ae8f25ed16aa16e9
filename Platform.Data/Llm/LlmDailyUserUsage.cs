using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Llm;

/// <summary>
/// LLM usage summed per guild, settled day and member (0 when no member made the call). Made when a
/// day is settled, not as calls come, so the ingest path pays nothing for it; days not settled yet
/// are read from the raw rows.
/// </summary>
public sealed class LlmDailyUserUsage
{
    public long GuildId { get; set; }
    public DateOnly Day { get; set; }
    public long UserId { get; set; }
    /// <summary>Calls that reached the provider.</summary>
    public long Calls { get; set; }

    /// <summary>Calls the guild's or member's budget refused before they reached the provider.</summary>
    public long RefusedCalls { get; set; }

    /// <summary>Calls charged at the ceiling price because their model had no price.</summary>
    public long UnpricedCalls { get; set; }
    public long InputTokens { get; set; }
    public long CachedInputTokens { get; set; }
    public long OutputTokens { get; set; }
    public long ReasoningTokens { get; set; }
    public decimal CostUsd { get; set; }
}

internal sealed class LlmDailyUserUsageConfiguration : IEntityTypeConfiguration<LlmDailyUserUsage>
{
    public void Configure(EntityTypeBuilder<LlmDailyUserUsage> daily)
    {
        daily.ToTable("llm_daily_user_usage");
        daily.HasKey(d => new { d.GuildId, d.Day, d.UserId });
        daily.Property(d => d.CostUsd).HasPrecision(20, 9);
    }
}
