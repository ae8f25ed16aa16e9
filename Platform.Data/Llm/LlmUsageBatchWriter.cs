using Npgsql;
using NpgsqlTypes;

namespace Platform.Data.Llm;

/// <summary>
/// Writes usage records in batches on a connection of its own, each batch and its daily rollups in
/// one transaction. A fresh batch is COPYed straight into llm_usage. A batch that may have been
/// written before (replayed from the spool after a commit whose answer was lost) is COPYed into a
/// session-local staging table instead, and one statement inserts the records not already present
/// and adds exactly those to the rollups, so it counts once in the raw table and in the rollups.
/// Records of days already closed also go to the member rollups of settled days (<see cref="LlmLateUsage"/>).
/// </summary>
public sealed class LlmUsageBatchWriter(NpgsqlDataSource dataSource, TimeProvider? time = null) : IAsyncDisposable
{
    private const string Columns =
        "id, occurred_at, guild_id, channel_id, user_id, module, command, provider, model_requested, model_returned, "
        + "input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost_usd, price_missing, duration_ms, " +
        "time_to_first_token_ms, status, error_kind, request_id";

    private const string RollUpColumns = $"guild_id, day, module, model, {LlmDailyRollUp.Sums}";

    private static readonly string AddToRollUps = LlmDailyRollUp.AddOnConflict("daily", "guild_id, day, module, model");

    private static readonly string RollUpBatch = $"""
        INSERT INTO llm_daily_usage AS daily ({RollUpColumns})
        SELECT * FROM {LlmDailyRollUp.Unnest("bigint", "date", "varchar", "varchar")}
        {AddToRollUps}
        """;

    private static readonly string InsertNewAndRollUp = $"""
        WITH inserted AS (
            INSERT INTO llm_usage ({Columns}) SELECT {Columns} FROM llm_usage_incoming
            ON CONFLICT DO NOTHING
            RETURNING guild_id, user_id, occurred_at, module, model_requested, status, price_missing,
                input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost_usd
        ), rolled_up AS (
            INSERT INTO llm_daily_usage AS daily ({RollUpColumns})
            SELECT coalesce(guild_id, 0), (occurred_at AT TIME ZONE 'UTC')::date, module, model_requested, {LlmDailyRollUp.SumsOfCalls}
            FROM inserted
            GROUP BY 1, 2, 3, 4
            {AddToRollUps}
        ), users_rolled_up AS (
            INSERT INTO llm_daily_user_usage AS users ({LlmLateUsage.UserRollUpColumns})
            SELECT coalesce(guild_id, 0), (occurred_at AT TIME ZONE 'UTC')::date, coalesce(user_id, 0), {LlmDailyRollUp.SumsOfCalls}
            FROM inserted
            WHERE (occurred_at AT TIME ZONE 'UTC')::date IN (SELECT day FROM llm_settled_days)
            GROUP BY 1, 2, 3
            {LlmLateUsage.AddToUserRollUps}
        )
        SELECT count(*) FROM inserted
        """;

    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly HashSet<DateTimeOffset> monthsEnsured = [];
    private NpgsqlConnection? connection;

    /// <summary>Writes records never written before, and their rollups.</summary>
    public Task<int> WriteAsync(IReadOnlyCollection<LlmUsage> batch, CancellationToken cancellationToken) =>
        InTransactionAsync(batch, async (open, transaction, late) =>
        {
            await CopyAsync(open, "llm_usage", batch, cancellationToken);
            await using var rollUp = new NpgsqlCommand(RollUpBatch, open, transaction);
            rollUp.Parameters.AddRange(LlmDailyRollUp.DailyParameters(batch));
            await rollUp.ExecuteNonQueryAsync(cancellationToken);
            if (late.Count > 0)
            {
                await LlmLateUsage.AddToSettledDaysAsync(open, late, cancellationToken);
            }

            return batch.Count;
        }, cancellationToken);

    /// <summary>Writes the records not already present, and adds only those to the rollups; returns how many were new.</summary>
    public Task<int> WriteMissingAsync(IReadOnlyCollection<LlmUsage> batch, CancellationToken cancellationToken) =>
        InTransactionAsync(batch, async (open, transaction, _) =>
        {
            await CopyAsync(open, "llm_usage_incoming", batch, cancellationToken);
            await using var insert = new NpgsqlCommand(InsertNewAndRollUp, open, transaction);
            return (int)(long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);

    private async Task<int> InTransactionAsync(
        IReadOnlyCollection<LlmUsage> batch,
        Func<NpgsqlConnection, NpgsqlTransaction, IReadOnlyList<LlmUsage>, Task<int>> write,
        CancellationToken cancellationToken)
    {
        try
        {
            var open = await OpenAsync(cancellationToken);
            foreach (var month in batch.Select(u => UtcMonth.Start(u.OccurredAt)).Distinct().Where(m => !monthsEnsured.Contains(m)))
            {
                await LlmUsagePartitions.EnsureAsync(open, month, cancellationToken);
                monthsEnsured.Add(month);
            }

            await using var transaction = await open.BeginTransactionAsync(cancellationToken);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var late = batch.Where(u => LlmDailyRollUp.DayOf(u) < today).ToList();
            if (late.Count > 0)
            {
                await LlmLateUsage.LockSharedAsync(open, late, cancellationToken);
            }

            var written = await write(open, transaction, late);
            await transaction.CommitAsync(cancellationToken);
            return written;
        }
        catch
        {
            // The connection's state is unknown after a failure; the next batch starts on a new one.
            await ResetAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await ResetAsync();

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (connection is { State: System.Data.ConnectionState.Open })
        {
            return connection;
        }

        await ResetAsync();
        connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var stage = new NpgsqlCommand(
            $"CREATE TEMP TABLE IF NOT EXISTS llm_usage_incoming ON COMMIT DELETE ROWS AS SELECT {Columns} FROM llm_usage WITH NO DATA", connection);
        await stage.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>COPYs records into <paramref name="table"/> as they are; the benchmark's baseline uses it on <c>llm_usage</c> itself.</summary>
    public static async Task CopyAsync(
        NpgsqlConnection connection,
        string table,
        IReadOnlyCollection<LlmUsage> batch,
        CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var usage in batch)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(usage.Id, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(usage.OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(copy, usage.GuildId, NpgsqlDbType.Bigint, cancellationToken);
            await WriteNullableAsync(copy, usage.ChannelId, NpgsqlDbType.Bigint, cancellationToken);
            await WriteNullableAsync(copy, usage.UserId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(usage.Module, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, usage.Command, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(usage.Provider, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(usage.ModelRequested, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, usage.ModelReturned, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(usage.InputTokens, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(usage.CachedInputTokens, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(usage.OutputTokens, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(usage.ReasoningTokens, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(usage.CostUsd, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(usage.PriceMissing, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(usage.DurationMs, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(copy, usage.TimeToFirstTokenMs, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(SnakeCaseEnumConverter<LlmCallStatus>.NameOf(usage.Status), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, usage.ErrorKind, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, usage.RequestId, NpgsqlDbType.Varchar, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    private async Task ResetAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }
}
