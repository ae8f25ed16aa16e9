/// <summary>Where the bot finds an LLM: the configured OpenAI-compatible endpoint, or the local emulator.</summary>
internal static class LlmResources
{
    public const string EndpointParameter = "llm-endpoint";
    public const string KeyParameter = "llm-api-key";
    public const string ModelParameter = "llm-model";
    public const string ProviderParameter = "llm-provider";

    /// <summary>
    /// With an <c>llm-endpoint</c> parameter (always, when publishing) the bot calls that endpoint with
    /// the <c>llm-api-key</c> secret. Without one the AppHost runs <c>Platform.LlmEmulator</c> as
    /// <c>llm</c>, with a generated key, so that dev runs need no provider account and spend nothing.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithLlm(this IResourceBuilder<ProjectResource> bot)
    {
        var builder = bot.ApplicationBuilder;
        var model = builder.AddParameter(ModelParameter, "gpt-4o-mini", publishValueAsDefault: true);
        // Prices are looked up under this provider's name: another provider's OpenAI-compatible endpoint needs its own.
        var provider = builder.AddParameter(ProviderParameter, "openai", publishValueAsDefault: true);
        bot.WithEnvironment("Llm__Model", model).WithEnvironment("Llm__Provider", provider);
        if (builder.ExecutionContext.IsPublishMode || builder.Configuration[$"Parameters:{EndpointParameter}"] is { Length: > 0 })
        {
            return bot
                .WithEnvironment("Llm__Endpoint", builder.AddParameter(EndpointParameter))
                .WithEnvironment("Llm__ApiKey", builder.AddParameter(KeyParameter, secret: true));
        }

        var key = builder.AddParameter("llm-emulator-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
        var llm = builder.AddProject<Projects.Platform_LlmEmulator>("llm")
            .WithEnvironment("LlmEmulator__ApiKey", key)
            .WithHttpHealthCheck("/health");

        return bot
            .WithEnvironment("Llm__Endpoint", ReferenceExpression.Create($"{llm.GetEndpoint("http")}/v1"))
            .WithEnvironment("Llm__ApiKey", key)
            .WaitFor(llm);
    }
}
