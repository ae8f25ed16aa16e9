using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Platform.Data.Llm;

/// <summary>
/// Every model price with its effective date, to price a call with the row in force when it was made.
/// Providers answer with dated snapshots ("gpt-4o-mini-2024-07-18", "claude-sonnet-4-5-20250929"),
/// so a model with no price of its own is priced as the model it is a snapshot of.
/// </summary>
public sealed partial class LlmPriceBook
{
    private readonly Dictionary<(string Provider, string Model), LlmModelPrice[]> byModel;

    public LlmPriceBook(IEnumerable<LlmModelPrice> prices) =>
        byModel = prices
            .GroupBy(p => (p.Provider.ToLowerInvariant(), p.Model.ToLowerInvariant()))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.EffectiveFrom).ToArray());

    public static readonly LlmPriceBook Empty = new([]);

    public static async Task<LlmPriceBook> LoadAsync(PlatformDbContext db, CancellationToken cancellationToken) =>
        new(await db.LlmModelPrices.AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>The price in force at <paramref name="at"/> for the model returned, else the one requested, else their undated names.</summary>
    public LlmModelPrice? Find(string provider, string modelRequested, string? modelReturned, DateTimeOffset at)
    {
        string?[] candidates = [modelReturned, modelRequested, Undated(modelReturned), Undated(modelRequested)];
        foreach (var model in candidates.OfType<string>())
        {
            if (byModel.TryGetValue((provider.ToLowerInvariant(), model.ToLowerInvariant()), out var rows)
                && rows.FirstOrDefault(row => row.EffectiveFrom <= at) is { } price)
            {
                return price;
            }
        }

        return null;
    }

    /// <summary>
    /// USD for the tokens of one call, to nine decimals. Cached input is part of the input count and is
    /// billed at its own rate; reasoning tokens are part of the output count and billed as output.
    /// </summary>
    public static decimal Cost(LlmModelPrice price, int inputTokens, int cachedInputTokens, int outputTokens)
    {
        var cached = Math.Min(cachedInputTokens, inputTokens);
        var perMillion =
            (inputTokens - cached) * price.InputPerMillion
            + cached * price.CachedInputPerMillion
            + outputTokens * price.OutputPerMillion;
        return Math.Round(perMillion / 1_000_000m, 9, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The highest input, cached-input and output rates of any model in force at <paramref name="at"/>: what a
    /// call to a model with no price is charged, so that it can never slip past a budget as free.
    /// </summary>
    public LlmModelPrice? Ceiling(DateTimeOffset at)
    {
        var current = byModel.Values.Select(rows => rows.FirstOrDefault(row => row.EffectiveFrom <= at)).OfType<LlmModelPrice>().ToList();
        return current.Count == 0 ? null : new LlmModelPrice
        {
            Provider = "*",
            Model = "*",
            EffectiveFrom = at,
            InputPerMillion = current.Max(p => p.InputPerMillion),
            CachedInputPerMillion = current.Max(p => p.CachedInputPerMillion),
            OutputPerMillion = current.Max(p => p.OutputPerMillion),
        };
    }

    private static string? Undated(string? model) => model is null ? null : SnapshotSuffix().Replace(model, "");

    [GeneratedRegex(@"-(\d{4}-\d{2}-\d{2}|\d{8})$")]
    private static partial Regex SnapshotSuffix();
}
