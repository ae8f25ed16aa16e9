using System.Collections.Concurrent;
using Platform.Data;
using Platform.Bot.Telemetry;
using Platform.Data.Llm;

namespace Platform.Bot.Llm.Usage;

/// <summary>
/// Prices calls as they end, from the price table, read again every few minutes so a new price row
/// applies without a restart. Until the table has been read (Postgres away since start) the seeded
/// list prices apply, so a call is never priced at zero for want of a database. A model with no price
/// at all is charged at the highest rates of any model (<see cref="LlmPriceBook.Ceiling"/>) and marked
/// <see cref="LlmUsage.PriceMissing"/>: its spend counts against budgets early rather than never, and
/// admins see which calls were priced so, until a price row for the model is added.
/// </summary>
public sealed partial class LlmPrices(IServiceScopeFactory scopes, TimeProvider time, ILogger<LlmPrices> logger)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(10);
    private static readonly LlmPriceBook Seeded = new(ModelPriceSeed.Prices.Select(p => new LlmModelPrice
    {
        Provider = p.Provider,
        Model = p.Model,
        EffectiveFrom = ModelPriceSeed.ListDate,
        InputPerMillion = p.InputPerMillion,
        CachedInputPerMillion = p.CachedInputPerMillion,
        OutputPerMillion = p.OutputPerMillion,
    }));

    private readonly SemaphoreSlim refreshing = new(1, 1);
    private readonly ConcurrentDictionary<string, bool> unpriced = new();
    private LlmPriceBook book = Seeded;
    private DateTimeOffset nextRefresh = DateTimeOffset.MinValue;

    /// <summary>Sets the record's cost from the price in force when it was made.</summary>
    public void Price(LlmUsage usage)
    {
        if (time.GetUtcNow() >= nextRefresh && refreshing.Wait(0))
        {
            // The call that notices stale prices does not wait for the database.
            _ = Task.Run(() => RefreshHeldAsync(CancellationToken.None));
        }

        if (book.Find(usage.Provider, usage.ModelRequested, usage.ModelReturned, usage.OccurredAt) is { } price)
        {
            usage.CostUsd = LlmPriceBook.Cost(price, usage.InputTokens, usage.CachedInputTokens, usage.OutputTokens);
            return;
        }

        var model = usage.ModelReturned ?? usage.ModelRequested;
        usage.PriceMissing = true;
        usage.CostUsd = (book.Ceiling(usage.OccurredAt) ?? Seeded.Ceiling(usage.OccurredAt)) is { } ceiling
            ? LlmPriceBook.Cost(ceiling, usage.InputTokens, usage.CachedInputTokens, usage.OutputTokens)
            : 0;
        BotTelemetry.LlmUnpricedCalls.Add(1, new KeyValuePair<string, object?>("gen_ai.request.model", model));
        if (unpriced.TryAdd($"{usage.Provider}/{model}", true))
        {
            LogUnpriced(usage.Provider, model);
        }
    }

    /// <summary>Reads the price table now; the bot does so as it starts.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await refreshing.WaitAsync(cancellationToken);
        await RefreshHeldAsync(cancellationToken);
    }

    private async Task RefreshHeldAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            book = await LlmPriceBook.LoadAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), cancellationToken);
            nextRefresh = time.GetUtcNow() + MaxAge;
        }
        catch (Exception error) when (error is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            nextRefresh = time.GetUtcNow() + RetryAfterFailure;
            LogRefreshFailed(error);
        }
        finally
        {
            refreshing.Release();
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "No price for {Provider} model {Model}: its calls are charged at the highest rates of any model " +
            "until a price row is added to llm_model_prices")]
    private partial void LogUnpriced(string provider, string model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the model prices; calls are priced with the prices read before")]
    private partial void LogRefreshFailed(Exception error);
}
