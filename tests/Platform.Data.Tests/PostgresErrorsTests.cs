using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Data.Audit;
using Platform.Testing;

namespace Platform.Data.Tests;

/// <summary>Real failures from a real server, each sorted into what the caller should do about it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresErrorsTests(LocalPostgresFixture postgres)
{
    [Fact]
    public async Task A_value_Postgres_cannot_store_is_bad_data_not_an_outage()
    {
        await using var db = await MigratedAsync();

        var nul = await FailureOfAsync(() => db.AuditLog.Where(e => e.Action == "a\0b").ToListAsync());
        var badEncoding = await FailureOfAsync(() => db.Database.ExecuteSqlRawAsync("SELECT convert_from('\\x00'::bytea, 'UTF8')"));
        var outOfRange = await FailureOfAsync(() => db.Database.ExecuteSqlRawAsync("SELECT 2147483647::int + 1"));

        Assert.Equal(PostgresFailure.BadData, PostgresErrors.Classify(nul));
        Assert.Equal(PostgresFailure.BadData, PostgresErrors.Classify(badEncoding));
        Assert.Equal(PostgresFailure.BadData, PostgresErrors.Classify(outOfRange));
        Assert.Equal(PostgresFailure.None, PostgresErrors.Classify(new InvalidOperationException()));
    }

    [Fact]
    public async Task A_taken_key_is_a_conflict_even_inside_a_DbUpdateException()
    {
        await using var db = await MigratedAsync();
        var entry = new AuditLogEntry { ActorId = 1, Action = "test", TargetType = "test", OccurredAt = DateTimeOffset.UtcNow };
        db.AuditLog.Add(entry);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        db.AuditLog.Add(new AuditLogEntry { Id = entry.Id, ActorId = 1, Action = "test", TargetType = "test", OccurredAt = DateTimeOffset.UtcNow });

        var error = await FailureOfAsync(() => db.SaveChangesAsync());

        Assert.IsType<DbUpdateException>(error);
        Assert.Equal(PostgresFailure.Conflict, PostgresErrors.Classify(error));
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_or_a_statement_timeout_is_an_outage_and_a_broken_query_is_neither()
    {
        await using var db = await MigratedAsync();
        await using var nowhere = new NpgsqlConnection("Host=127.0.0.1;Port=1;Timeout=2;Username=x;Password=x");

        var refused = await FailureOfAsync(() => nowhere.OpenAsync());
        Exception timedOut;
        await using (await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL statement_timeout = 50");
            timedOut = await FailureOfAsync(() => db.Database.ExecuteSqlRawAsync("SELECT pg_sleep(2)"));
        }

        var broken = await FailureOfAsync(() => db.Database.ExecuteSqlRawAsync("SELEC 1"));

        Assert.Equal(PostgresFailure.Unavailable, PostgresErrors.Classify(refused));
        Assert.Equal(PostgresFailure.Unavailable, PostgresErrors.Classify(timedOut));
        Assert.Equal(PostgresFailure.None, PostgresErrors.Classify(broken));
    }

    private async Task<PlatformDbContext> MigratedAsync()
    {
        var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(await postgres.CreateDatabaseAsync()));
        await db.Database.MigrateAsync();
        return db;
    }

    private static async Task<Exception> FailureOfAsync(Func<Task> call) => await Assert.ThrowsAnyAsync<Exception>(call);
}
