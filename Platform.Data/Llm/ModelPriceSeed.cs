using Microsoft.EntityFrameworkCore;

namespace Platform.Data.Llm;

/// <summary>
/// Adds the published list prices (USD per million tokens) of the main OpenAI, Anthropic and Google
/// models. Rows are keyed by provider, model and effective date, so seeding twice, or from two
/// processes at once, adds nothing; a new price is a new row with a later date, never an update.
/// </summary>
public static class ModelPriceSeed
{
    public static readonly DateTimeOffset ListDate = new(2025, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<ModelPrice> Prices =
    [
        new("openai", "gpt-5", 1.25m, 0.125m, 10.00m),
        new("openai", "gpt-5-mini", 0.25m, 0.025m, 2.00m),
        new("openai", "gpt-5-nano", 0.05m, 0.005m, 0.40m),
        new("openai", "gpt-4.1", 2.00m, 0.50m, 8.00m),
        new("openai", "gpt-4.1-mini", 0.40m, 0.10m, 1.60m),
        new("openai", "gpt-4.1-nano", 0.10m, 0.025m, 0.40m),
        new("openai", "gpt-4o", 2.50m, 1.25m, 10.00m),
        new("openai", "gpt-4o-mini", 0.15m, 0.075m, 0.60m),
        new("openai", "o3", 2.00m, 0.50m, 8.00m),
        new("openai", "o4-mini", 1.10m, 0.275m, 4.40m),
        new("anthropic", "claude-opus-4-1", 15.00m, 1.50m, 75.00m),
        new("anthropic", "claude-sonnet-4-5", 3.00m, 0.30m, 15.00m),
        new("anthropic", "claude-sonnet-4", 3.00m, 0.30m, 15.00m),
        new("anthropic", "claude-haiku-4-5", 1.00m, 0.10m, 5.00m),
        new("anthropic", "claude-3-5-haiku", 0.80m, 0.08m, 4.00m),
        new("google", "gemini-2.5-pro", 1.25m, 0.125m, 10.00m),
        new("google", "gemini-2.5-flash", 0.30m, 0.03m, 2.50m),
        new("google", "gemini-2.5-flash-lite", 0.10m, 0.01m, 0.40m),
        new("google", "gemini-2.0-flash", 0.10m, 0.025m, 0.40m),
    ];

    public static async Task<int> ApplyAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var price in Prices)
        {
            added += await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO llm_model_prices (provider, model, effective_from, input_per_million, cached_input_per_million, output_per_million)
                VALUES ({price.Provider}, {price.Model}, {ListDate}, {price.InputPerMillion}, {price.CachedInputPerMillion}, {price.OutputPerMillion})
                ON CONFLICT (provider, model, effective_from) DO NOTHING
                """, cancellationToken);
        }

        return added;
    }
}

public sealed record ModelPrice(string Provider, string Model, decimal InputPerMillion, decimal CachedInputPerMillion, decimal OutputPerMillion);
