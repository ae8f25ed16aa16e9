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

    /// <summary>
    /// No price was known for the model: <see cref="CostUsd"/> is at the highest rates of any model (<see
    /// cref="LlmPriceBook.Ceiling"/>).
    /// </summary>
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

/// <summary>
/// What the <c>llm_usage</c> columns hold. A provider's answer fills some of them (the model it
/// returned, its request id) and is not ours to trust: <see cref="Fit"/> makes a record storable
/// before it is written, so that one odd answer cannot hold back every other record.
/// </summary>
public static class LlmUsageColumns
{
    public const int Module = 64;
    public const int Command = 64;
    public const int Provider = 32;
    public const int Model = 128;
    public const int ErrorKind = 64;
    public const int RequestId = 128;

    /// <summary>Cuts each text to its column and drops NUL characters, which Postgres text cannot hold; true when anything changed.</summary>
    public static bool Fit(LlmUsage usage)
    {
        var changed = false;
        usage.Module = Fit(usage.Module, Module, ref changed)!;
        usage.Command = Fit(usage.Command, Command, ref changed);
        usage.Provider = Fit(usage.Provider, Provider, ref changed)!;
        usage.ModelRequested = Fit(usage.ModelRequested, Model, ref changed)!;
        usage.ModelReturned = Fit(usage.ModelReturned, Model, ref changed);
        usage.ErrorKind = Fit(usage.ErrorKind, ErrorKind, ref changed);
        usage.RequestId = Fit(usage.RequestId, RequestId, ref changed);
        return changed;
    }

    private static string? Fit(string? value, int length, ref bool changed)
    {
        if (value is null || (value.Length <= length && !value.Contains('\0', StringComparison.Ordinal)))
        {
            return value;
        }

        changed = true;
        var clean = value.Replace("\0", "", StringComparison.Ordinal);
        return clean.Length <= length ? clean : clean[..length];
    }
}

internal sealed class LlmUsageConfiguration : IEntityTypeConfiguration<LlmUsage>
{
    public void Configure(EntityTypeBuilder<LlmUsage> usage)
    {
        usage.ToTable("llm_usage");
        // The time is part of the key so that the table can be partitioned by month.
        usage.HasKey(u => new { u.Id, u.OccurredAt });
        usage.Property(u => u.Module).HasMaxLength(LlmUsageColumns.Module);
        usage.Property(u => u.Command).HasMaxLength(LlmUsageColumns.Command);
        usage.Property(u => u.Provider).HasMaxLength(LlmUsageColumns.Provider);
        usage.Property(u => u.ModelRequested).HasMaxLength(LlmUsageColumns.Model);
        usage.Property(u => u.ModelReturned).HasMaxLength(LlmUsageColumns.Model);
        usage.Property(u => u.CostUsd).HasPrecision(18, 9);
        usage.Property(u => u.Status).HasConversion(new SnakeCaseEnumConverter<LlmCallStatus>()).HasMaxLength(16);
        usage.Property(u => u.ErrorKind).HasMaxLength(LlmUsageColumns.ErrorKind);
        usage.Property(u => u.RequestId).HasMaxLength(LlmUsageColumns.RequestId);
        usage.HasIndex(u => new { u.GuildId, u.OccurredAt });
    }
}
