using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Audit;

/// <summary>One state change made through the platform: who, when, and the value before and after.</summary>
public sealed class AuditLogEntry
{
    public long Id { get; set; }
    /// <summary>Null for platform-wide changes made by a bot owner.</summary>
    public long? GuildId { get; set; }
    public long ActorId { get; set; }
    public required string Action { get; set; }
    public required string TargetType { get; set; }
    public string? TargetId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
}

internal sealed class AuditLogEntryConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> entry)
    {
        entry.ToTable("audit_log");
        entry.Property(e => e.Action).HasMaxLength(64);
        entry.Property(e => e.TargetType).HasMaxLength(64);
        entry.Property(e => e.TargetId).HasMaxLength(128);
        entry.Property(e => e.Before).HasColumnType("jsonb");
        entry.Property(e => e.After).HasColumnType("jsonb");
        // The UI pages a guild's log newest first, by id, which keeps the order of commits within one timestamp.
        entry.HasIndex(e => new { e.GuildId, e.Id }).IsDescending(false, true);
    }
}
