using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Guilds;

namespace Platform.Data.Modules.ModuleName;

/// <summary>One entry a member added in a guild. Its table lands in the <c>modulename</c> schema.</summary>
public sealed class ModuleNameEntry
{
    public const int TextMaxLength = 500;

    public long Id { get; set; }
    public long GuildId { get; set; }
    public long AuthorId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ModuleNameEntryConfiguration : IEntityTypeConfiguration<ModuleNameEntry>
{
    public void Configure(EntityTypeBuilder<ModuleNameEntry> entry)
    {
        entry.ToTable("entries");
        entry.Property(e => e.Text).HasMaxLength(ModuleNameEntry.TextMaxLength);
        entry.HasIndex(e => new { e.GuildId, e.CreatedAt });
        entry.HasOne<Guild>().WithMany().HasForeignKey(e => e.GuildId).OnDelete(DeleteBehavior.Cascade);
    }
}
