namespace Platform.Api.Status;

/// <summary>What the status page shows: the schema the database is at, and whether the cache answers.</summary>
public sealed record PlatformStatus(DatabaseStatus Database, RedisStatus Redis, DateTimeOffset CheckedAt);

public sealed record DatabaseStatus(bool Reachable, string? LatestMigration, int AppliedMigrations, int PendingMigrations, string? Error);

public sealed record RedisStatus(bool Reachable, double? LatencyMs, string? Error);
