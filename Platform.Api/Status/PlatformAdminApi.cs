using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Contracts;
using Platform.Data;
using StackExchange.Redis;

namespace Platform.Api.Status;

/// <summary>What the bot's owners see across every guild: the shards and the guilds the bot serves.</summary>
public static class PlatformAdminApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapPlatformAdminApi(this IEndpointRouteBuilder routes)
    {
        var platform = routes.MapGroup("/api/platform").WithTags("Platform").RequireAuthorization(SessionAuthentication.BotOwnerPolicy);

        platform
            .MapGet("/shards", GetShardsAsync)
            .WithSummary("Every shard as the bot last published it; a shard silent for a while is marked stale.");
        platform
            .MapGet("/guilds", ListGuildsAsync)
            .WithSummary("Every guild the bot is in, by name; page with the returned cursor.");

        return routes;
    }

    public static async Task<Ok<IReadOnlyList<ShardView>>> GetShardsAsync(
        IConnectionMultiplexer redis,
        IOptions<DiscordAppSettings> discord,
        TimeProvider time)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(BotRedisKeys.ShardStatus(discord.Value.ClientId));
        var now = time.GetUtcNow();
        var shards = entries.Select(e => ShardStatusDocument.Parse(e.Value.ToString())).OfType<ShardStatusDocument>()
            .OrderBy(s => s.ShardId)
            .Select(s => new ShardView(s, s.IsStale(now)));
        return TypedResults.Ok<IReadOnlyList<ShardView>>([.. shards]);
    }

    public static async Task<Results<Ok<GuildPage>, ValidationProblem>> ListGuildsAsync(
        PlatformDbContext db, string? after, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"From 1 to {MaxPageSize}."] });
        }

        var query = db.Guilds.AsNoTracking().Where(g => g.LeftAt == null);
        if (after is not null)
        {
            if (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["after"] = ["A guild id from a previous page."] });
            }

            query = query.Where(g => g.Id > cursor);
        }

        var size = limit ?? 50;
        var guilds = await query.OrderBy(g => g.Id).Take(size + 1)
            .Select(g => new PlatformGuild(g.Id.ToString(), g.Name, g.MemberCount, g.ShardId, g.JoinedAt))
            .ToListAsync(cancellationToken);
        var page = guilds.Take(size).ToList();
        return TypedResults.Ok(new GuildPage(page, guilds.Count > size ? page[^1].Id : null));
    }
}

public sealed record ShardView(ShardStatusDocument Status, bool Stale);

public sealed record PlatformGuild(string Id, string Name, int MemberCount, int ShardId, DateTimeOffset JoinedAt);

public sealed record GuildPage(IReadOnlyList<PlatformGuild> Items, string? NextCursor);
