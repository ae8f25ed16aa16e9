namespace Platform.Api.Status;

/// <summary>
/// What the status page shows: whether the database and the cache answer. The bot's owners also see
/// the schema the database is at, Redis's latency and the errors; anyone else sees up or down only.
/// </summary>
public sealed record PlatformStatus(DatabaseStatus Database, RedisStatus Redis, DateTimeOffset CheckedAt, bool Detailed)
{
    public PlatformStatus WithoutDetails() =>
        new(new(Database.Reachable, null, null, null, null), new(Redis.Reachable, null, null), CheckedAt, false);
}

public sealed record DatabaseStatus(bool Reachable, string? LatestMigration, int? AppliedMigrations, int? PendingMigrations, string? Error);

public sealed record RedisStatus(bool Reachable, double? LatencyMs, string? Error);
