using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Llm;

/// <summary>LLM usage summed per guild, day, module and model; analytics read this, not the raw rows.</summary>
public sealed class LlmDailyUsage
{
    public long GuildId { get; set; }
    public DateOnly Day { get; set; }
    public required string Module { get; set; }
    public required string Model { get; set; }
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

internal sealed class LlmDailyUsageConfiguration : IEntityTypeConfiguration<LlmDailyUsage>
{
    public void Configure(EntityTypeBuilder<LlmDailyUsage> daily)
    {
        daily.ToTable("llm_daily_usage");
        daily.HasKey(d => new { d.GuildId, d.Day, d.Module, d.Model });
        daily.Property(d => d.Module).HasMaxLength(64);
        daily.Property(d => d.Model).HasMaxLength(128);
        daily.Property(d => d.CostUsd).HasPrecision(20, 9);
    }
}
