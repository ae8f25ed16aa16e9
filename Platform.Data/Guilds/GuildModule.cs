using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Guilds;

/// <summary>Whether a module is on in a guild, and its settings there as validated JSON.</summary>
public sealed class GuildModule
{
    public long GuildId { get; set; }
    public required string Module { get; set; }
    public bool Enabled { get; set; }
    public string Settings { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; }
    public long? UpdatedBy { get; set; }
}

internal sealed class GuildModuleConfiguration : IEntityTypeConfiguration<GuildModule>
{
    public void Configure(EntityTypeBuilder<GuildModule> module)
    {
        module.ToTable("guild_modules");
        module.HasKey(m => new { m.GuildId, m.Module });
        module.Property(m => m.Module).HasMaxLength(64);
        module.Property(m => m.Settings).HasColumnType("jsonb");
        module.HasOne<Guild>().WithMany().HasForeignKey(m => m.GuildId).OnDelete(DeleteBehavior.Cascade);
    }
}
