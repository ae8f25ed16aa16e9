using Npgsql;

namespace Platform.Data.Llm;

/// <summary>
/// Rewrites each closed day's rollups in guild order, once. During the day a guild's rows are made
/// as its calls come, among every other guild's, so a 30-day summary visits a heap page per row
/// (about 360 at 4 modules and 3 models); settled, a guild's day sits on one or two pages. This is
/// what keeps the summary fast without a covering index, which would make every rollup update of
/// the ingest path write a second index.
/// </summary>
public static class LlmDailyUsageSettling
{
    /// <summary>
    /// Settles every day before <paramref name="today"/> not settled yet, oldest first, one transaction
    /// each, and returns them. Several processes may run it at once: a day is claimed in the
    /// transaction that rewrites it, so each is rewritten once.
    /// </summary>
    public static async Task<IReadOnlyList<DateOnly>> SettleClosedDaysAsync(NpgsqlConnection connection, DateOnly today, CancellationToken cancellationToken)
    {
        var settled = new List<DateOnly>();
        foreach (var day in await UnsettledDaysAsync(connection, today, cancellationToken))
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

    private static async Task<IReadOnlyList<DateOnly>> UnsettledDaysAsync(NpgsqlConnection connection, DateOnly today, CancellationToken cancellationToken)
    {
        // After the first run only the days since the last settled one are looked at; the first run
        // finds the oldest rollup with one pass over the table.
        await using var command = new NpgsqlCommand("""
            SELECT candidate.day::date FROM generate_series(
                coalesce((SELECT max(day) + 1 FROM llm_settled_days), (SELECT min(day) FROM llm_daily_usage)),
                $1::date - 1, interval '1 day') AS candidate(day)
            """, connection) { Parameters = { new() { Value = today } } };
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
        await using var claim = new NpgsqlCommand(
            "INSERT INTO llm_settled_days (day, settled_at, rows) VALUES ($1, now(), 0) ON CONFLICT DO NOTHING", connection, transaction)
        { Parameters = { new() { Value = day } } };
        if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        // A late row for this day (a spool replay) waits for the commit, then adds to the rewritten row.
        await using var rewrite = new NpgsqlCommand("""
            WITH moved AS (DELETE FROM llm_daily_usage WHERE day = $1 RETURNING *),
                 written AS (INSERT INTO llm_daily_usage SELECT * FROM moved ORDER BY guild_id, module, model RETURNING 1)
            UPDATE llm_settled_days SET rows = (SELECT count(*) FROM written) WHERE day = $1
            """, connection, transaction)
        { Parameters = { new() { Value = day } } };
        await rewrite.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
