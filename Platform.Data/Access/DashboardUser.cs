using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Access;

/// <summary>A Discord user who has signed in to the admin UI at least once.</summary>
public sealed class DashboardUser
{
    public long Id { get; set; }
    public required string Username { get; set; }
    public string? GlobalName { get; set; }
    public string? AvatarHash { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

internal sealed class DashboardUserConfiguration : IEntityTypeConfiguration<DashboardUser>
{
    public void Configure(EntityTypeBuilder<DashboardUser> user)
    {
        user.ToTable("dashboard_users");
        user.Property(u => u.Id).ValueGeneratedNever();
        user.Property(u => u.Username).HasMaxLength(32);
        user.Property(u => u.GlobalName).HasMaxLength(32);
        user.Property(u => u.AvatarHash).HasMaxLength(64);
    }
}
