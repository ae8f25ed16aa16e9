using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Llm;

/// <summary>One LLM call, written by the bot as it happens.</summary>
public sealed class LlmUsage
{
    /// <summary>Chosen by the caller before the call, so a replayed record is recognised and not counted twice.</summary>
    public Guid Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public long? GuildId { get; set; }
    public long? ChannelId { get; set; }
    public long? UserId { get; set; }
    public required string Module { get; set; }
    public string? Command { get; set; }
    public required string Provider { get; set; }
    public required string ModelRequested { get; set; }
    public string? ModelReturned { get; set; }
    public int InputTokens { get; set; }
    public int CachedInputTokens { get; set; }
    public int OutputTokens { get; set; }
    public int ReasoningTokens { get; set; }
    public decimal CostUsd { get; set; }

    /// <summary>No price was known for the model: <see cref="CostUsd"/> is at the highest rates of any model (<see cref="LlmPriceBook.Ceiling"/>).</summary>
    public bool PriceMissing { get; set; }
    public int DurationMs { get; set; }
    public int? TimeToFirstTokenMs { get; set; }
    public LlmCallStatus Status { get; set; }
    public string? ErrorKind { get; set; }
    public string? RequestId { get; set; }
}

public enum LlmCallStatus
{
    Ok,
    Error,
    BudgetBlocked,
    Cancelled,
}

internal sealed class LlmUsageConfiguration : IEntityTypeConfiguration<LlmUsage>
{
    public void Configure(EntityTypeBuilder<LlmUsage> usage)
    {
        usage.ToTable("llm_usage");
        // The time is part of the key so that the table can be partitioned by month.
        usage.HasKey(u => new { u.Id, u.OccurredAt });
        usage.Property(u => u.Module).HasMaxLength(64);
        usage.Property(u => u.Command).HasMaxLength(64);
        usage.Property(u => u.Provider).HasMaxLength(32);
        usage.Property(u => u.ModelRequested).HasMaxLength(128);
        usage.Property(u => u.ModelReturned).HasMaxLength(128);
        usage.Property(u => u.CostUsd).HasPrecision(18, 9);
        usage.Property(u => u.Status).HasConversion(new SnakeCaseEnumConverter<LlmCallStatus>()).HasMaxLength(16);
        usage.Property(u => u.ErrorKind).HasMaxLength(64);
        usage.Property(u => u.RequestId).HasMaxLength(128);
        usage.HasIndex(u => new { u.GuildId, u.OccurredAt });
    }
}
