using Microsoft.Extensions.Options;
using Platform.LlmEmulator.Control;

namespace Platform.LlmEmulator.Chat;

/// <summary>OpenAI's <c>/v1/chat/completions</c> and <c>/v1/models</c>, enough for the OpenAI SDK and Microsoft.Extensions.AI.</summary>
public static class ChatCompletionsApi
{
    public static IEndpointRouteBuilder MapChatCompletionsApi(this IEndpointRouteBuilder routes)
    {
        var v1 = routes.MapGroup("/v1").AddEndpointFilter(RequireApiKeyAsync);
        v1.MapPost("/chat/completions", CompleteAsync);
        v1.MapGet("/models", (IOptions<LlmEmulatorOptions> options) => Results.Ok(new
        {
            @object = "list",
            data = options.Value.Snapshots.Keys.Concat(options.Value.Snapshots.Values)
                .Select(id => new { id, @object = "model", created = 1_700_000_000, owned_by = "emulator" }),
        }));
        return routes;
    }

    private static async ValueTask<object?> RequireApiKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers["x-request-id"] = $"req_{Guid.NewGuid():N}";
        var key = http.RequestServices.GetRequiredService<IOptions<LlmEmulatorOptions>>().Value.ApiKey;
        return http.Request.Headers.Authorization.ToString() == $"Bearer {key}" ? await next(context) : OpenAiErrors.InvalidApiKey();
    }

    private static async Task<IResult> CompleteAsync(
        ChatRequest request, HttpContext http, ScriptQueue<Fault> faults, ScriptQueue<ScriptedReply> replies, RequestLog log, PromptCache cache,
        IOptions<LlmEmulatorOptions> options, TimeProvider time)
    {
        var requestId = http.Response.Headers["x-request-id"].ToString();
        if (string.IsNullOrWhiteSpace(request.Model) || request.Messages is not { Count: > 0 })
        {
            return OpenAiErrors.InvalidRequest("'model' and at least one message are required.");
        }

        if (faults.TryTake() is { Kind: var fault })
        {
            log.Add(new LoggedRequest(requestId, request.Model, request.Stream, fault, 0, 0, time.GetUtcNow()));
            return fault switch
            {
                FaultKinds.RateLimit => OpenAiErrors.RateLimited(),
                FaultKinds.ServerError => OpenAiErrors.ServerError(),
                _ => await HangAsync(http.RequestAborted),
            };
        }

        var model = options.Value.Snapshots.GetValueOrDefault(request.Model, request.Model);
        var completion = Completion.Create(request, model, cache, time, replies.TryTake()?.Text);
        if (!request.Stream)
        {
            log.Add(LoggedRequest.Of(requestId, request, completion, "ok", time));
            return Results.Ok(CompletionJson.Response(completion));
        }

        var status = await CompletionJson.StreamAsync(http, completion, request.StreamOptions?.IncludeUsage == true, options.Value.ChunkDelayMs);
        log.Add(LoggedRequest.Of(requestId, request, completion, status, time));
        return Results.Empty;
    }

    // A request that never answers, for clients' timeouts; it ends when the client gives up.
    private static async Task<IResult> HangAsync(CancellationToken aborted)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, aborted).ContinueWith(_ => { }, TaskScheduler.Default);
        return Results.Empty;
    }
}
