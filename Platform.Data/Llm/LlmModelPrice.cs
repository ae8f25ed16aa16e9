using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Llm;

/// <summary>
/// A model's price in USD per million tokens from <see cref="EffectiveFrom"/> until the next row for
/// the same model, so a call is always priced with the row in force when it was made.
/// </summary>
public sealed class LlmModelPrice
{
    public long Id { get; set; }
    public required string Provider { get; set; }
    public required string Model { get; set; }
    public DateTimeOffset EffectiveFrom { get; set; }
    public decimal InputPerMillion { get; set; }
    public decimal CachedInputPerMillion { get; set; }
    public decimal OutputPerMillion { get; set; }
}

internal sealed class LlmModelPriceConfiguration : IEntityTypeConfiguration<LlmModelPrice>
{
    public void Configure(EntityTypeBuilder<LlmModelPrice> price)
    {
        price.ToTable("llm_model_prices");
        price.Property(p => p.Provider).HasMaxLength(32);
        price.Property(p => p.Model).HasMaxLength(128);
        price.Property(p => p.InputPerMillion).HasPrecision(12, 6);
        price.Property(p => p.CachedInputPerMillion).HasPrecision(12, 6);
        price.Property(p => p.OutputPerMillion).HasPrecision(12, 6);
        price.HasIndex(p => new { p.Provider, p.Model, p.EffectiveFrom }).IsUnique();
    }
}
