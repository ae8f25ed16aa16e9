using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Data;
using Platform.Data.Llm;

namespace Platform.MigrationService;

/// <summary>
/// Brings the database to the latest migration, seeds reference data, grants the api's and the bot's
/// logins (the <c>ServiceLogins</c> section: role name to password) their rows, then stops the process.
/// A failure exits non-zero, so api and bot (which wait for this to complete) never start on a
/// half-migrated schema.
/// </summary>
public sealed class MigrationWorker(
    IServiceProvider serviceProvider,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    ILogger<MigrationWorker> logger) : BackgroundService
{
    public const string ActivitySourceName = "Platform.Migrations";

    private static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = ActivitySource.StartActivity("Migrating database", ActivityKind.Client);

        try
        {
            await using var scope = serviceProvider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

            await MigrateAsync(db, stoppingToken);
            await ModelPriceSeed.ApplyAsync(db, stoppingToken);
            await GrantServiceLoginsAsync(db, stoppingToken);
        }
        catch (Exception exception)
        {
            activity?.AddException(exception);
            activity?.SetStatus(ActivityStatusCode.Error);
            logger.LogCritical(exception, "Database migration failed; api and bot will not start");
            Environment.ExitCode = 1;
        }

        lifetime.StopApplication();
    }

    private async Task GrantServiceLoginsAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        foreach (var login in configuration.GetSection(ServiceLogins.Section).GetChildren())
        {
            await ServiceLogins.GrantAsync(connection, login.Key, login.Value ?? "", cancellationToken);
            logger.LogInformation("Login {Role} may read and write rows", login.Key);
        }
    }

    private async Task MigrateAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(() => db.Database.MigrateAsync(cancellationToken));

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Database is at migration {Migration} ({Count} applied)", applied.LastOrDefault(), applied.Count);
    }
}
