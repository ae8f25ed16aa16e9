using Microsoft.EntityFrameworkCore;
using Platform.Data.Access;
using Platform.Data.Audit;
using Platform.Data.Guilds;
using Platform.Data.Llm;
using Platform.Data.Modules;

namespace Platform.Data;

/// <summary>
/// The one database context shared by migrations, api and bot. Core tables live in the
/// public schema; each module's tables live in a schema of its own (see <see cref="ModuleSchemaConvention"/>).
/// </summary>
public class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public DbSet<Guild> Guilds => Set<Guild>();
    public DbSet<GuildModule> GuildModules => Set<GuildModule>();
    public DbSet<DashboardUser> DashboardUsers => Set<DashboardUser>();
    public DbSet<AccessGrant> AccessGrants => Set<AccessGrant>();
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();
    public DbSet<LlmModelPrice> LlmModelPrices => Set<LlmModelPrice>();
    public DbSet<LlmUsage> LlmUsage => Set<LlmUsage>();
    public DbSet<LlmDailyUsage> LlmDailyUsage => Set<LlmDailyUsage>();
    public DbSet<LlmBudget> LlmBudgets => Set<LlmBudget>();
    public DbSet<LlmDailyUserUsage> LlmDailyUserUsage => Set<LlmDailyUserUsage>();
    public DbSet<LlmSettledDay> LlmSettledDays => Set<LlmSettledDay>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        // Picks up every IEntityTypeConfiguration in this assembly, modules' included, so a
        // module gets its tables without touching this class.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Conventions.Add(_ => new ModuleSchemaConvention());
}
