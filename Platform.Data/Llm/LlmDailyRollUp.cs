using Npgsql;
using NpgsqlTypes;

namespace Platform.Data.Llm;

/// <summary>A batch of usage records summed per guild, day (UTC), module and model, as parameters of one upsert.</summary>
internal sealed record LlmDailyRollUp(IReadOnlyList<LlmDailyUsage> Rows)
{
    public const string Sums = "calls, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost_usd";

    /// <summary>
    /// Adds rows to a rollup table aliased <paramref name="alias"/> whose key is <paramref name="key"/>, in
    /// key order: one lock order for every writer, so bots rolling up the same guild never deadlock.
    /// </summary>
    public static string AddOnConflict(string alias, string key) =>
        $"ORDER BY {string.Join(", ", key.Split(", ").Select((_, i) => i + 1))}\n" +
        $"ON CONFLICT ({key}) DO UPDATE SET " + string.Join(", ", Sums.Split(", ").Select(sum => $"{sum} = {alias}.{sum} + excluded.{sum}"));

    public static LlmDailyRollUp Of(IEnumerable<LlmUsage> batch) => new([.. batch
        .GroupBy(u => (Guild: u.GuildId ?? 0, Day: DateOnly.FromDateTime(u.OccurredAt.UtcDateTime), u.Module, u.ModelRequested))
        .Select(g => new LlmDailyUsage
        {
            GuildId = g.Key.Guild,
            Day = g.Key.Day,
            Module = g.Key.Module,
            Model = g.Key.ModelRequested,
            Calls = g.Count(),
            InputTokens = g.Sum(u => (long)u.InputTokens),
            CachedInputTokens = g.Sum(u => (long)u.CachedInputTokens),
            OutputTokens = g.Sum(u => (long)u.OutputTokens),
            ReasoningTokens = g.Sum(u => (long)u.ReasoningTokens),
            CostUsd = g.Sum(u => u.CostUsd),
        })]);

    public NpgsqlParameter[] Parameters() =>
    [
        new() { Value = Rows.Select(r => r.GuildId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint },
        new() { Value = Rows.Select(r => r.Day).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date },
        new() { Value = Rows.Select(r => r.Module).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar },
        new() { Value = Rows.Select(r => r.Model).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar },
        new() { Value = Rows.Select(r => r.Calls).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint },
        new() { Value = Rows.Select(r => r.InputTokens).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint },
        new() { Value = Rows.Select(r => r.CachedInputTokens).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint },
        new() { Value = Rows.Select(r => r.OutputTokens).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint },
        new() { Value = Rows.Select(r => r.ReasoningTokens).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint },
        new() { Value = Rows.Select(r => r.CostUsd).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric },
    ];
}
