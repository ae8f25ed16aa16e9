using Microsoft.EntityFrameworkCore;
using Platform.Data.Guilds;
using Platform.Data.Modules.Misplaced;
using Platform.Data.Modules.SampleGames;
using Platform.Testing;

namespace Platform.Data.Tests.Modules;

[Collection(PostgresCollection.Name)]
public sealed class ModuleSchemaConventionTests(LocalPostgresFixture postgres)
{
    [Fact]
    public async Task A_module_table_is_created_in_the_schema_named_after_its_module()
    {
        await using var db = new ContextWithModule<ScoreConfiguration>(await postgres.CreateDatabaseAsync());

        await db.Database.EnsureCreatedAsync();
        db.Set<Score>().Add(new Score { GuildId = 1, Points = 10 });
        await db.SaveChangesAsync();

        Assert.Equal("sample_games", db.Model.FindEntityType(typeof(Score))!.GetSchema());
        Assert.Null(db.Model.FindEntityType(typeof(Guild))!.GetSchema());
        Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM sample_games.scores").SingleAsync());
    }

    [Fact]
    public void A_module_table_declared_in_another_schema_is_refused_with_an_explanation()
    {
        using var db = new ContextWithModule<NoteConfiguration>("Host=unused");

        var error = Assert.Throws<InvalidOperationException>(() => db.Model);

        Assert.Contains("must live in schema 'misplaced', not 'public'", error.Message);
    }

    /// <summary>The platform's context plus one module configuration from this assembly, as a module would add it.</summary>
    private sealed class ContextWithModule<TConfiguration>(string connectionString)
        : PlatformDbContext(PlatformDbOptions.ForConnectionString(connectionString))
        where TConfiguration : new()
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            base.OnModelCreating(modelBuilder);
            modelBuilder.ApplyConfiguration((dynamic)new TConfiguration());
        }
    }
}
