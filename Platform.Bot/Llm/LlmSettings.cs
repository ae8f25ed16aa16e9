namespace Platform.Bot.Llm;

/// <summary>The bot's <c>Llm</c> configuration section: the OpenAI-compatible endpoint, and how usage is kept.</summary>
public sealed class LlmSettings
{
    public const string Section = "Llm";

    /// <summary>The OpenAI-compatible base address, ending in <c>/v1</c>; the AppHost sets it (the emulator in local runs).</summary>
    public Uri? Endpoint { get; set; }

    public string ApiKey { get; set; } = "";

    /// <summary>The model asked for when a call names none.</summary>
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>How long one request to the provider may take before it counts as a timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Retries of a request the provider refused with 429 or 5xx, with backoff; each call is recorded once, however
    /// many tries it took.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The provider name prices are looked up under.</summary>
    public string Provider { get; set; } = "openai";

    /// <summary>
    /// Where usage records wait while Postgres cannot take them; unset, <c>.spool/llm-usage</c> under the
    /// content root. In a container, put it on a volume that outlives the container.
    /// </summary>
    public string SpoolDirectory { get; set; } = "";

    /// <summary>Whole months of raw usage rows kept besides the current one; older monthly partitions are dropped. 0 keeps them all.</summary>
    public int UsageRetentionMonths { get; set; } = 13;

    /// <summary>Records held in memory on their way to Postgres; beyond this they go straight to the spool.</summary>
    public int QueueCapacity { get; set; } = 100_000;

    public int MaxBatchSize { get; set; } = 5_000;

    /// <summary>
    /// How long a budget's Redis spend counter is trusted before it is read again from Postgres. This
    /// bounds how long an increment that never reached Redis, or a call still being written when the
    /// counter was rebuilt, can go uncounted.
    /// </summary>
    public TimeSpan SpendReconcileInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the spool is offered to Postgres again while it holds records.</summary>
    public TimeSpan SpoolRetryInterval { get; set; } = TimeSpan.FromSeconds(2);
}
