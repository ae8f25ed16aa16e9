using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// The namespace is what a real module's entities would have; the convention keys on it.
namespace Platform.Data.Modules.SampleGames;

public sealed class Score
{
    public long Id { get; set; }
    public long GuildId { get; set; }
    public int Points { get; set; }
}

public sealed class ScoreConfiguration : IEntityTypeConfiguration<Score>
{
    public void Configure(EntityTypeBuilder<Score> score) => score.ToTable("scores");
}
