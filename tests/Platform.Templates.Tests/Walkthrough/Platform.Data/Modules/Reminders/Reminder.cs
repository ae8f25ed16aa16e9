using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Guilds;

namespace Platform.Data.Modules.Reminders;

/// <summary>Something a member asked to be reminded of, later, in the channel where they asked.</summary>
public sealed class Reminder
{
    public const int TextMaxLength = 500;

    public long Id { get; set; }
    public long GuildId { get; set; }
    public long ChannelId { get; set; }
    public long UserId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> reminder)
    {
        reminder.ToTable("reminders");
        reminder.Property(r => r.Text).HasMaxLength(Reminder.TextMaxLength);
        // The delivery loop reads the earliest due reminders; /remind list and the listener read one member's.
        reminder.HasIndex(r => r.DueAt);
        reminder.HasIndex(r => new { r.GuildId, r.UserId });
        reminder.HasOne<Guild>().WithMany().HasForeignKey(r => r.GuildId).OnDelete(DeleteBehavior.Cascade);
    }
}
