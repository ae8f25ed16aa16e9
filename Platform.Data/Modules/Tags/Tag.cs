using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Guilds;

namespace Platform.Data.Modules.Tags;

/// <summary>A named text snippet of one guild, shown by <c>/tag get</c>.</summary>
public sealed class Tag
{
    public const int NameMaxLength = 32;

    public const int ContentMaxLength = 2000;

    public long Id { get; set; }
    public long GuildId { get; set; }
    public required string Name { get; set; }
    public required string Content { get; set; }
    public long AuthorId { get; set; }
    public long UpdatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.ToTable("tags", table => table.HasCheckConstraint("ck_tags_name", $"name ~ '^[a-z0-9_-]{{1,{Tag.NameMaxLength}}}$'"));
        tag.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength);
        tag.Property(t => t.Content).HasMaxLength(Tag.ContentMaxLength);
        tag.HasIndex(t => new { t.GuildId, t.Name }).IsUnique();
        tag.HasOne<Guild>().WithMany().HasForeignKey(t => t.GuildId).OnDelete(DeleteBehavior.Cascade);
    }
}
