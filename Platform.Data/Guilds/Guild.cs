using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Guilds;

/// <summary>A Discord guild the bot is or was in, kept current from gateway events.</summary>
public sealed class Guild
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? IconHash { get; set; }
    public long OwnerId { get; set; }
    public int MemberCount { get; set; }
    public int ShardId { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    /// <summary>Set when the bot leaves or is removed; the row stays so history keeps its guild.</summary>
    public DateTimeOffset? LeftAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class GuildConfiguration : IEntityTypeConfiguration<Guild>
{
    public void Configure(EntityTypeBuilder<Guild> guild)
    {
        guild.ToTable("guilds");
        guild.Property(g => g.Id).ValueGeneratedNever();
        guild.Property(g => g.Name).HasMaxLength(100);
        guild.Property(g => g.IconHash).HasMaxLength(64);
        guild.HasIndex(g => g.ShardId);
    }
}
