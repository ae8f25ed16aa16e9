using Npgsql;

namespace Platform.Data.Llm;

/// <summary>
/// Settles each closed day once: rewrites its rollups in guild order and sums its member rollups
/// (<see cref="LlmDailyUserUsage"/>) from the raw rows. During the day a guild's rows are made as its
/// calls come, among every other guild's, so a 30-day summary visits a heap page per row (about 360
/// at 4 modules and 3 models); settled, a guild's day sits on one or two pages. This is what keeps
/// the summary fast without a covering index, which would make every rollup update of the ingest
/// path write a second index.
/// </summary>
public static class LlmDailyUsageSettling
{
    // A day waits this long past its end, so that a writer whose clock is behind ours has stopped
    // counting its records as today's (see LlmLateUsage).
    public static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    /// <summary>
    /// Settles every day that ended at least <see cref="Grace"/> before <paramref name="now"/> and is
    /// not settled yet, oldest first, one transaction each, and returns them. Several processes may
    /// run it at once: a day is claimed in the transaction that settles it, so each is settled once.
    /// </summary>
    public static async Task<IReadOnlyList<DateOnly>> SettleClosedDaysAsync(
        NpgsqlConnection connection,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var settled = new List<DateOnly>();
        foreach (var day in await UnsettledDaysAsync(connection, DateOnly.FromDateTime((now - Grace).UtcDateTime), cancellationToken))
        {
            if (await SettleAsync(connection, day, cancellationToken))
            {
                settled.Add(day);
            }
        }

        if (settled.Count > 0)
        {
            // The space the old rows held is free for the next day's rows at once, not when autovacuum
            // next passes (a fifth of the table's rows later).
            await using var vacuum = new NpgsqlCommand("VACUUM llm_daily_usage", connection);
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        return settled;
    }

    private static async Task<IReadOnlyList<DateOnly>> UnsettledDaysAsync(
        NpgsqlConnection connection,
        DateOnly open,
        CancellationToken cancellationToken)
    {
        // After the first run only the days since the last settled one are looked at; the first run
        // finds the oldest rollup with one pass over the table.
        await using var command = new NpgsqlCommand("""
            SELECT candidate.day::date FROM generate_series(
                coalesce((SELECT max(day) + 1 FROM llm_settled_days), (SELECT min(day) FROM llm_daily_usage)),
                $1::date - 1, interval '1 day') AS candidate(day)
            """, connection) { Parameters = { new() { Value = open } } };
        var days = new List<DateOnly>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(reader.GetFieldValue<DateOnly>(0));
        }

        return days;
    }

    private static async Task<bool> SettleAsync(NpgsqlConnection connection, DateOnly day, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LlmLateUsage.LockExclusiveAsync(connection, day, cancellationToken);
        await using var claim = new NpgsqlCommand(
            "INSERT INTO llm_settled_days (day, settled_at, rows) VALUES ($1, now(), 0) ON CONFLICT DO NOTHING", connection, transaction)
        { Parameters = { new() { Value = day } } };
        if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await using var rewrite = new NpgsqlCommand("""
            WITH moved AS (DELETE FROM llm_daily_usage WHERE day = $1 RETURNING *),
                 written AS (INSERT INTO llm_daily_usage SELECT * FROM moved ORDER BY guild_id, module, model RETURNING 1)
            UPDATE llm_settled_days SET rows = (SELECT count(*) FROM written) WHERE day = $1
            """, connection, transaction)
        { Parameters = { new() { Value = day } } };
        await rewrite.ExecuteNonQueryAsync(cancellationToken);

        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var members = new NpgsqlCommand($"""
            INSERT INTO llm_daily_user_usage ({LlmLateUsage.UserRollUpColumns})
            SELECT coalesce(guild_id, 0), $1, coalesce(user_id, 0), {LlmDailyRollUp.SumsOfCalls}
            FROM llm_usage WHERE occurred_at >= $2 AND occurred_at < $3
            GROUP BY 1, 3 ORDER BY 1, 3
            """, connection, transaction)
        { Parameters = { new() { Value = day }, new() { Value = start }, new() { Value = start.AddDays(1) } } };
        await members.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
