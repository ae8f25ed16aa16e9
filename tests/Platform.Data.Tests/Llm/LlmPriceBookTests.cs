using Platform.Data.Llm;

namespace Platform.Data.Tests.Llm;

public sealed class LlmPriceBookTests
{
    private static readonly DateTimeOffset November = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly LlmPriceBook Book = new(
    [
        Price("gpt-4o-mini", November.AddMonths(-2), input: 0.15m, cached: 0.075m, output: 0.60m),
        // A price cut in the middle of the month.
        Price("gpt-4o-mini", November.AddDays(14), input: 0.10m, cached: 0.05m, output: 0.40m),
        Price("claude-sonnet-4-5", November.AddMonths(-2), input: 3.00m, cached: 0.30m, output: 15.00m, provider: "anthropic"),
    ]);

    [Fact]
    public void Cached_input_is_billed_at_its_own_rate_and_reasoning_as_output()
    {
        var price = Book.Find("openai", "gpt-4o-mini", null, November.AddDays(1))!;

        // 10,000 input of which 4,096 cached; 2,000 output of which 1,500 reasoning (part of the output count).
        var cost = LlmPriceBook.Cost(price, inputTokens: 10_000, cachedInputTokens: 4_096, outputTokens: 2_000);

        Assert.Equal((5_904 * 0.15m + 4_096 * 0.075m + 2_000 * 0.60m) / 1_000_000m, cost);
        Assert.Equal(0.002392800m, cost);
    }

    [Fact]
    public void A_call_is_priced_with_the_row_in_force_when_it_was_made()
    {
        var before = Book.Find("openai", "gpt-4o-mini", null, November.AddDays(14).AddTicks(-1))!;
        var after = Book.Find("openai", "gpt-4o-mini", null, November.AddDays(14))!;

        Assert.Equal(0.60m, before.OutputPerMillion);
        Assert.Equal(0.40m, after.OutputPerMillion);
        Assert.Equal(0.000600000m, LlmPriceBook.Cost(before, 0, 0, 1_000));
        Assert.Equal(0.000400000m, LlmPriceBook.Cost(after, 0, 0, 1_000));
        Assert.Null(Book.Find("openai", "gpt-4o-mini", null, November.AddMonths(-3)));
    }

    [Theory]
    [InlineData("openai", "gpt-4o-mini", "gpt-4o-mini-2024-07-18", 0.60)]
    [InlineData("anthropic", "claude-sonnet-4-5", "claude-sonnet-4-5-20250929", 15.00)]
    [InlineData("OpenAI", "GPT-4o-mini", null, 0.60)]
    public void A_dated_snapshot_is_priced_as_its_model(string provider, string requested, string? returned, decimal output) =>
        Assert.Equal(output, Book.Find(provider, requested, returned, November.AddDays(1))?.OutputPerMillion);

    [Fact]
    public void A_model_with_no_price_is_not_guessed() =>
        Assert.Null(Book.Find("openai", "gpt-unknown", "gpt-unknown-2026-01-01", November));

    [Fact]
    public void A_cached_count_above_the_input_count_is_not_billed_twice()
    {
        var price = Book.Find("openai", "gpt-4o-mini", null, November.AddDays(1))!;

        Assert.Equal(LlmPriceBook.Cost(price, 100, 100, 0), LlmPriceBook.Cost(price, 100, 500, 0));
    }

    private static LlmModelPrice Price(
        string model,
        DateTimeOffset from,
        decimal input,
        decimal cached,
        decimal output,
        string provider = "openai") =>
        new()
        {
            Provider = provider,
            Model = model,
            EffectiveFrom = from,
            InputPerMillion = input,
            CachedInputPerMillion = cached,
            OutputPerMillion = output,
        };
}
