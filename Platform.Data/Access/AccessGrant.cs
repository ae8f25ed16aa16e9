using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Guilds;

namespace Platform.Data.Access;

/// <summary>Rights in one guild delegated to a user or to everyone holding a Discord role.</summary>
public sealed class AccessGrant
{
    public long Id { get; set; }
    public long GuildId { get; set; }
    public GrantSubject SubjectType { get; set; }
    public long SubjectId { get; set; }
    public AccessScopes Scopes { get; set; }
    public long GrantedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum GrantSubject
{
    User,
    Role,
}

[Flags]
public enum AccessScopes
{
    None = 0,
    ViewAnalytics = 1,
    ManageModules = 2,
    ManageBudgets = 4,
    ManageAccess = 8,
    /// <summary>Change what modules keep for the guild, such as tags, as Manage Messages would allow.</summary>
    ManageContent = 16,
}

internal sealed class AccessGrantConfiguration : IEntityTypeConfiguration<AccessGrant>
{
    public void Configure(EntityTypeBuilder<AccessGrant> grant)
    {
        grant.ToTable("access_grants");
        grant.Property(g => g.SubjectType).HasConversion(new SnakeCaseEnumConverter<GrantSubject>()).HasMaxLength(8);
        grant.HasIndex(g => new { g.GuildId, g.SubjectType, g.SubjectId }).IsUnique();
        grant.HasOne<Guild>().WithMany().HasForeignKey(g => g.GuildId).OnDelete(DeleteBehavior.Cascade);
    }
}
