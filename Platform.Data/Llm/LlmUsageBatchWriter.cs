using Npgsql;
using NpgsqlTypes;

namespace Platform.Data.Llm;

/// <summary>
/// Writes usage records in batches on a connection of its own: COPY into a session-local staging
/// table, then one statement inserts the records not already present and adds exactly those to the
/// daily rollups, in one transaction. A batch written twice (replayed from the spool after a commit
/// whose answer was lost) therefore counts once, in the raw table and in the rollups.
/// </summary>
public sealed class LlmUsageBatchWriter(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private const string Columns = "id, occurred_at, guild_id, channel_id, user_id, module, command, provider, model_requested, model_returned, " +
        "input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost_usd, duration_ms, time_to_first_token_ms, status, error_kind, request_id";

    private const string InsertAndRollUp = $"""
        WITH inserted AS (
            INSERT INTO llm_usage ({Columns}) SELECT {Columns} FROM llm_usage_incoming
            ON CONFLICT DO NOTHING
            RETURNING guild_id, occurred_at, module, model_requested, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost_usd
        ), rolled_up AS (
            INSERT INTO llm_daily_usage AS daily (guild_id, day, module, model, calls, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost_usd)
            SELECT coalesce(guild_id, 0), (occurred_at AT TIME ZONE 'UTC')::date, module, model_requested, count(*),
                   sum(input_tokens), sum(cached_input_tokens), sum(output_tokens), sum(reasoning_tokens), sum(cost_usd)
            FROM inserted
            GROUP BY 1, 2, 3, 4
            -- One lock order for every writer, so bots rolling up the same guild never deadlock.
            ORDER BY 1, 2, 3, 4
            ON CONFLICT (guild_id, day, module, model) DO UPDATE SET
                calls = daily.calls + excluded.calls,
                input_tokens = daily.input_tokens + excluded.input_tokens,
                cached_input_tokens = daily.cached_input_tokens + excluded.cached_input_tokens,
                output_tokens = daily.output_tokens + excluded.output_tokens,
                reasoning_tokens = daily.reasoning_tokens + excluded.reasoning_tokens,
                cost_usd = daily.cost_usd + excluded.cost_usd
        )
        SELECT count(*) FROM inserted
        """;

    private readonly HashSet<DateTimeOffset> monthsEnsured = [];
    private NpgsqlConnection? connection;

    /// <summary>Writes the batch and returns how many of its records were new.</summary>
    public async Task<int> WriteAsync(IReadOnlyCollection<LlmUsage> batch, CancellationToken cancellationToken)
    {
        try
        {
            var open = await OpenAsync(cancellationToken);
            foreach (var month in batch.Select(u => LlmUsagePartitions.MonthStart(u.OccurredAt)).Distinct().Where(m => !monthsEnsured.Contains(m)))
            {
                await LlmUsagePartitions.EnsureAsync(open, month, cancellationToken);
                monthsEnsured.Add(month);
            }

            await using var transaction = await open.BeginTransactionAsync(cancellationToken);
            await CopyAsync(open, batch, cancellationToken);
            await using var insert = new NpgsqlCommand(InsertAndRollUp, open, transaction);
            var inserted = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
            await transaction.CommitAsync(cancellationToken);
            return (int)inserted;
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

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyCollection<LlmUsage> batch, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY llm_usage_incoming ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
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
