using System.Globalization;
using Npgsql;

namespace Platform.Data.Llm;

/// <summary>
/// The monthly partitions of <c>llm_usage</c>: created ahead of the months to come, and dropped whole
/// once older than the retention, so old usage goes without a DELETE and without bloat.
/// The daily rollups are kept: analytics of past months survive their raw rows.
/// </summary>
public static class LlmUsagePartitions
{
    private const string Prefix = "llm_usage_p";

    /// <summary>Creates the partition of the month of <paramref name="at"/> if it does not exist yet.</summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT llm_usage_ensure_partition($1)", connection)
        {
            Parameters = { new() { Value = at.ToUniversalTime() } },
        };
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Creates the partitions of this month and of the <paramref name="monthsAhead"/> that follow.</summary>
    public static async Task EnsureAheadAsync(NpgsqlConnection connection, DateTimeOffset now, int monthsAhead, CancellationToken cancellationToken)
    {
        var month = UtcMonth.Start(now);
        for (var i = 0; i <= monthsAhead; i++)
        {
            await EnsureAsync(connection, month.AddMonths(i), cancellationToken);
        }
    }

    /// <summary>
    /// Drops every partition that ended before the last <paramref name="retentionMonths"/> whole
    /// months, and returns the months dropped.
    /// </summary>
    public static async Task<IReadOnlyList<DateTimeOffset>> DropExpiredAsync(
        NpgsqlConnection connection,
        DateTimeOffset now,
        int retentionMonths,
        CancellationToken cancellationToken)
    {
        var keepFrom = UtcMonth.Start(now).AddMonths(-retentionMonths);
        var expired = (await ListAsync(connection, cancellationToken)).Where(month => month < keepFrom).ToList();
        foreach (var month in expired)
        {
            await using var drop = new NpgsqlCommand("SELECT llm_usage_drop_partition($1)", connection)
            {
                Parameters = { new() { Value = NameOf(month) } },
            };
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        return expired;
    }

    /// <summary>The first instant of every month that has a partition, oldest first.</summary>
    public static async Task<IReadOnlyList<DateTimeOffset>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT child.relname FROM pg_inherits
            JOIN pg_class child ON child.oid = pg_inherits.inhrelid
            WHERE pg_inherits.inhparent = 'llm_usage'::regclass
            """, connection);
        var months = new List<DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (
                reader.GetString(0) is var name
                && name.StartsWith(Prefix, StringComparison.Ordinal)
                && DateTime.TryParseExact(
                    name[Prefix.Length..],
                    "yyyyMM",
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                    out var month))
            {
                months.Add(new DateTimeOffset(month, TimeSpan.Zero));
            }
        }

        return [.. months.Order()];
    }

    private static string NameOf(DateTimeOffset month) => Prefix + month.ToString("yyyyMM", CultureInfo.InvariantCulture);
}
