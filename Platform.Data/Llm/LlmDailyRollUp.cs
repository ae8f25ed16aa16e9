using Npgsql;
using NpgsqlTypes;

namespace Platform.Data.Llm;

/// <summary>A batch of usage records summed per guild, day (UTC), module and model, as parameters of one upsert.</summary>
internal sealed record LlmDailyRollUp(IReadOnlyList<LlmDailyUsage> Rows)
{
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
