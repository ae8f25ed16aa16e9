using Npgsql;
using NpgsqlTypes;

namespace Platform.Data.Llm;

/// <summary>How usage records are summed into the rollup tables: the sums, their upserts and their parameters.</summary>
internal static class LlmDailyRollUp
{
    /// <summary>
    /// The sums of a rollup. A call the budget refused reached no provider: it is counted in
    /// <c>refused_calls</c>, not in <c>calls</c>, and costs nothing. <c>unpriced_calls</c> counts the
    /// calls charged at the ceiling price because their model had none.
    /// </summary>
    public const string Sums = "calls, refused_calls, unpriced_calls, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost_usd";

    /// <summary><see cref="Sums"/> as a grouped SELECT of raw <c>llm_usage</c> rows computes them.</summary>
    public const string SumsOfCalls =
        "count(*) FILTER (WHERE status <> 'budget_blocked'), count(*) FILTER (WHERE status = 'budget_blocked'), " +
        "count(*) FILTER (WHERE price_missing), "
        + "sum(input_tokens), sum(cached_input_tokens), sum(output_tokens), sum(reasoning_tokens), sum(cost_usd)";

    private static readonly string[] SumTypes = ["bigint", "bigint", "bigint", "bigint", "bigint", "bigint", "bigint", "numeric"];

    /// <summary>An <c>unnest</c> of array parameters: the key's columns of <paramref name="keyTypes"/>, then <see cref="Sums"/>.</summary>
    public static string Unnest(params string[] keyTypes) =>
        $"unnest({string.Join(", ", keyTypes.Concat(SumTypes).Select((type, i) => $"${i + 1}::{type}[]"))})";

    /// <summary>
    /// Adds rows to a rollup table aliased <paramref name="alias"/> whose key is <paramref name="key"/>, in
    /// key order: one lock order for every writer, so bots rolling up the same guild never deadlock.
    /// </summary>
    public static string AddOnConflict(string alias, string key) =>
        $"ORDER BY {string.Join(", ", key.Split(", ").Select((_, i) => i + 1))}\n" +
        $"ON CONFLICT ({key}) DO UPDATE SET " + string.Join(", ", Sums.Split(", ").Select(sum => $"{sum} = {alias}.{sum} + excluded.{sum}"));

    public static DateOnly DayOf(LlmUsage usage) => DateOnly.FromDateTime(usage.OccurredAt.UtcDateTime);

    /// <summary>
    /// The daily rollups of a batch (guild × day × module × model) as the parameters of one upsert: the key's columns,
    /// then <see cref="Sums"/>.
    /// </summary>
    public static NpgsqlParameter[] DailyParameters(IEnumerable<LlmUsage> batch)
    {
        var groups = batch.GroupBy(u => (Guild: u.GuildId ?? 0, Day: DayOf(u), u.Module, u.ModelRequested)).ToList();
        return
        [
            Array(groups.Select(g => g.Key.Guild), NpgsqlDbType.Bigint),
            Array(groups.Select(g => g.Key.Day), NpgsqlDbType.Date),
            Array(groups.Select(g => g.Key.Module), NpgsqlDbType.Varchar),
            Array(groups.Select(g => g.Key.ModelRequested), NpgsqlDbType.Varchar),
            .. SumParameters(groups),
        ];
    }

    /// <summary>Each group's <see cref="Sums"/>, in that order, as array parameters.</summary>
    public static IEnumerable<NpgsqlParameter> SumParameters<TKey>(IReadOnlyList<IGrouping<TKey, LlmUsage>> groups) =>
    [
        Array(groups.Select(g => g.LongCount(u => u.Status != LlmCallStatus.BudgetBlocked)), NpgsqlDbType.Bigint),
        Array(groups.Select(g => g.LongCount(u => u.Status == LlmCallStatus.BudgetBlocked)), NpgsqlDbType.Bigint),
        Array(groups.Select(g => g.LongCount(u => u.PriceMissing)), NpgsqlDbType.Bigint),
        Array(groups.Select(g => g.Sum(u => (long)u.InputTokens)), NpgsqlDbType.Bigint),
        Array(groups.Select(g => g.Sum(u => (long)u.CachedInputTokens)), NpgsqlDbType.Bigint),
        Array(groups.Select(g => g.Sum(u => (long)u.OutputTokens)), NpgsqlDbType.Bigint),
        Array(groups.Select(g => g.Sum(u => (long)u.ReasoningTokens)), NpgsqlDbType.Bigint),
        Array(groups.Select(g => g.Sum(u => u.CostUsd)), NpgsqlDbType.Numeric),
    ];

    public static NpgsqlParameter Array<T>(IEnumerable<T> values, NpgsqlDbType type) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type };
}
