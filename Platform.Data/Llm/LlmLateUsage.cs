using Npgsql;
using NpgsqlTypes;

namespace Platform.Data.Llm;

/// <summary>
/// Records of a day that has closed (a spool replay, a flush across midnight) reach that day's member
/// rollups here if the day is settled already; if it is not, its settling counts them from the raw
/// rows. A settling takes its day's advisory lock exclusively and a late write takes it shared, each
/// before touching anything else, so every record counts once and neither waits on the other's row locks.
/// </summary>
internal static class LlmLateUsage
{
    // A class of advisory locks no other part of the platform takes; the day is the lock's second key.
    private const int LockClass = 0x4C4C4D53;

    public const string UserRollUpColumns = $"guild_id, day, user_id, {LlmDailyRollUp.Sums}";

    public static readonly string AddToUserRollUps = LlmDailyRollUp.AddOnConflict("users", "guild_id, day, user_id");

    private static readonly string AddToSettledDays = $"""
        INSERT INTO llm_daily_user_usage AS users ({UserRollUpColumns})
        SELECT * FROM {LlmDailyRollUp.Unnest("bigint", "date", "bigint")}
            AS late({UserRollUpColumns})
        WHERE late.day IN (SELECT day FROM llm_settled_days)
        {AddToUserRollUps}
        """;

    /// <summary>Takes, shared, the locks of the days <paramref name="late"/> belongs to, in day order.</summary>
    public static async Task LockSharedAsync(NpgsqlConnection connection, IEnumerable<LlmUsage> late, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock_shared({LockClass}, day - date '2000-01-01') FROM unnest($1::date[]) AS day ORDER BY day", connection)
        { Parameters = { LlmDailyRollUp.Array(late.Select(LlmDailyRollUp.DayOf).Distinct(), NpgsqlDbType.Date) } };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task LockExclusiveAsync(NpgsqlConnection connection, DateOnly day, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockClass}, $1 - date '2000-01-01')", connection)
        { Parameters = { new() { Value = day } } };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds the records of closed days to the member rollups of those already settled.</summary>
    public static async Task AddToSettledDaysAsync(NpgsqlConnection connection, IEnumerable<LlmUsage> late, CancellationToken cancellationToken)
    {
        var groups = late.GroupBy(u => (Guild: u.GuildId ?? 0, Day: LlmDailyRollUp.DayOf(u), User: u.UserId ?? 0)).ToList();
        NpgsqlParameter[] parameters =
        [
            LlmDailyRollUp.Array(groups.Select(g => g.Key.Guild), NpgsqlDbType.Bigint),
            LlmDailyRollUp.Array(groups.Select(g => g.Key.Day), NpgsqlDbType.Date),
            LlmDailyRollUp.Array(groups.Select(g => g.Key.User), NpgsqlDbType.Bigint),
            .. LlmDailyRollUp.SumParameters(groups),
        ];
        await using var command = new NpgsqlCommand(AddToSettledDays, connection);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
