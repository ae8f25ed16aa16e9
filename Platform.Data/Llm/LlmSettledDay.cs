using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Llm;

/// <summary>A closed day whose daily rollups have been rewritten in guild order (see <see cref="LlmDailyUsageSettling"/>).</summary>
public sealed class LlmSettledDay
{
    public DateOnly Day { get; set; }
    public DateTimeOffset SettledAt { get; set; }
    public int Rows { get; set; }
}

internal sealed class LlmSettledDayConfiguration : IEntityTypeConfiguration<LlmSettledDay>
{
    public void Configure(EntityTypeBuilder<LlmSettledDay> settled)
    {
        settled.ToTable("llm_settled_days");
        settled.HasKey(s => s.Day);
    }
}
