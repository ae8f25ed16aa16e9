using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Modules.Misplaced;

public sealed class Note
{
    public long Id { get; set; }
}

/// <summary>A module entity that tries to put its table among the core tables.</summary>
public sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> note) => note.ToTable("notes", "public");
}
