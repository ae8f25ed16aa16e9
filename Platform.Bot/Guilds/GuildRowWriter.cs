using Npgsql;

namespace Platform.Bot.Guilds;

/// <summary>
/// Writes guild changes to the <c>guilds</c> table, up to <see cref="BatchSize"/> guilds in one round trip: a start
/// storm of thousands of GUILD_CREATEs costs a handful of statements, not one per guild.
/// </summary>
internal sealed class GuildRowWriter(NpgsqlDataSource database)
{
    public const int BatchSize = 1_000;

    // One statement whatever the guild's history, so a first GUILD_CREATE and later ones need no read first. $7 says
    // whether the rows carry member counts: a GUILD_UPDATE does not, and then the stored count stays.
    private const string Upsert = """
        INSERT INTO guilds (id, name, icon_hash, owner_id, member_count, shard_id, joined_at, left_at, updated_at)
        SELECT g.id, g.name, g.icon_hash, g.owner_id, COALESCE(g.member_count, 0), g.shard_id, $8, NULL, $8
        FROM unnest($1, $2, $3, $4, $5, $6) AS g (id, name, icon_hash, owner_id, member_count, shard_id)
        ON CONFLICT (id) DO UPDATE SET
            name = excluded.name, icon_hash = excluded.icon_hash, owner_id = excluded.owner_id,
            member_count = CASE WHEN $7 THEN excluded.member_count ELSE guilds.member_count END,
            shard_id = excluded.shard_id,
            joined_at = CASE WHEN guilds.left_at IS NULL THEN guilds.joined_at ELSE excluded.joined_at END,
            left_at = NULL, updated_at = excluded.updated_at
        """;

    private const string Departures = "UPDATE guilds SET left_at = $2, updated_at = $2 WHERE id = ANY($1)";

    /// <summary>Writes <paramref name="changes"/> (at most one per guild) in one round trip.</summary>
    public async Task WriteAsync(IReadOnlyCollection<GuildChange> changes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var batch = database.CreateBatch();
        foreach (var counted in new[] { true, false })
        {
            var rows = changes.Where(c => c.Row is { } row && row.MemberCount.HasValue == counted).ToList();
            if (rows.Count > 0)
            {
                batch.BatchCommands.Add(UpsertOf(rows, counted, now));
            }
        }

        var departed = changes.Where(c => c.Row is null).Select(c => (long)c.GuildId).ToArray();
        if (departed.Length > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(Departures) { Parameters = { Parameter(departed), Parameter(now) } });
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand UpsertOf(List<GuildChange> changes, bool counted, DateTimeOffset now) => new(Upsert)
    {
        Parameters =
        {
            Parameter(changes.Select(c => (long)c.GuildId).ToArray()),
            Parameter(changes.Select(c => c.Row!.Name).ToArray()),
            Parameter(changes.Select(c => c.Row!.Icon).ToArray()),
            Parameter(changes.Select(c => (long)c.Row!.OwnerId).ToArray()),
            Parameter(changes.Select(c => c.Row!.MemberCount).ToArray()),
            Parameter(changes.Select(c => c.ShardId).ToArray()),
            Parameter(counted),
            Parameter(now),
        },
    };

    private static NpgsqlParameter Parameter<T>(T value) => new NpgsqlParameter<T> { TypedValue = value };
}
