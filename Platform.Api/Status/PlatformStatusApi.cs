using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Api.Auth;
using Platform.Data;
using StackExchange.Redis;

namespace Platform.Api.Status;

public static class PlatformStatusApi
{
    public static IEndpointRouteBuilder MapPlatformStatusApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/platform").WithTags("Platform");

        group.MapGet("/status", GetStatus)
            .WithName("GetPlatformStatus")
            .WithSummary("Whether the database and Redis answer; for the bot's owners also the migration state, Redis latency and errors.");

        return routes;
    }

    public static async Task<Ok<PlatformStatus>> GetStatus(
        ClaimsPrincipal user, PlatformDbContext db, IConnectionMultiplexer redis, TimeProvider clock, CancellationToken cancellationToken)
    {
        var database = await GetDatabaseStatusAsync(db, cancellationToken);
        var cache = await GetRedisStatusAsync(redis);
        var status = new PlatformStatus(database, cache, clock.GetUtcNow(), Detailed: true);
        // Migration names and driver errors describe the deployment: they are for whoever runs it.
        return TypedResults.Ok(
            user.HasClaim(SessionAuthentication.RoleClaim, SessionAuthentication.BotOwnerPolicy)
                ? status
                : status.WithoutDetails());
    }

    private static async Task<DatabaseStatus> GetDatabaseStatusAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            var pending = db.Database.GetMigrations().Except(applied).Count();
            return new DatabaseStatus(true, applied.LastOrDefault(), applied.Count, pending, null);
        }
        catch (NpgsqlException exception)
        {
            return new DatabaseStatus(false, null, 0, 0, exception.Message);
        }
    }

    private static async Task<RedisStatus> GetRedisStatusAsync(IConnectionMultiplexer redis)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return new RedisStatus(true, latency.TotalMilliseconds, null);
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            return new RedisStatus(false, null, exception.Message);
        }
    }
}
