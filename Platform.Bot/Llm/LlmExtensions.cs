using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using Platform.Bot.Llm;
using Platform.Bot.Llm.Budgets;
using Platform.Bot.Llm.Calls;
using Platform.Bot.Llm.Usage;
using Platform.Modules;

namespace Microsoft.Extensions.Hosting;

public static class LlmExtensions
{
    /// <summary>The source and meter of the GenAI spans and metrics of every call.</summary>
    public const string TelemetrySource = "Platform.Bot.Llm";

    /// <summary>
    /// Registers <see cref="IChatClient"/> for modules: OpenTelemetry (GenAI conventions), then the
    /// budget guard, then the usage recorder, then the OpenAI-compatible provider named by the
    /// <c>Llm</c> section. Usage goes to Postgres in batches, through a local spool when it is away.
    /// </summary>
    public static IHostApplicationBuilder AddBotLlm(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(LlmSettings.Section).Get<LlmSettings>() ?? new();
        if (settings.SpoolDirectory.Length == 0)
        {
            settings.SpoolDirectory = Path.Combine(builder.Environment.ContentRootPath, ".spool", "llm-usage");
        }

        builder.Services.AddSingleton(settings);

        builder.Services.AddSingleton<LlmUsageSpool>();
        builder.Services.AddSingleton<LlmUsageQueue>();
        builder.Services.AddSingleton<LlmUsageWriting>();
        builder.Services.AddSingleton<LlmPrices>();
        builder.Services.AddSingleton<SpendCounters>();
        builder.Services.AddSingleton<GuildBudgets>();
        builder.Services.AddSingleton<BudgetSignals>();
        builder.Services.AddSingleton<LlmBudgetGuard>();
        builder.Services.AddSingleton<BudgetSpend>();
        builder.Services.AddSingleton<LlmUsageRecorder>();
        builder.Services.AddHostedService<LlmUsageFlusher>();
        builder.Services.AddHostedService<LlmUsageMaintenance>();
        builder.Services.AddHealthChecks().AddCheck<LlmSpoolHealthCheck>("llm-usage-spool");

        builder.Services.AddChatClient(_ => CreateProvider(settings))
            .UseOpenTelemetry(sourceName: TelemetrySource)
            .Use(
                (inner, services) =>
                    new BudgetGuardChatClient(
                        inner,
                        services.GetRequiredService<LlmBudgetGuard>(),
                        services.GetRequiredService<CurrentInvocation>()))
            .Use(
                (inner, services) =>
                    new UsageRecordingChatClient(
                        inner,
                        services.GetRequiredService<LlmUsageRecorder>(),
                        services.GetRequiredService<CurrentInvocation>()));
        return builder;
    }

    private static IChatClient CreateProvider(LlmSettings settings)
    {
        if (settings.Endpoint is null || settings.ApiKey.Length == 0)
        {
            return new UnconfiguredChatClient();
        }

        var client = new OpenAIClient(new ApiKeyCredential(settings.ApiKey), new OpenAIClientOptions
        {
            Endpoint = settings.Endpoint,
            NetworkTimeout = settings.RequestTimeout,
            RetryPolicy = new ClientRetryPolicy(settings.MaxRetries),
        });
        return client.GetChatClient(settings.Model).AsIChatClient();
    }
}
