using System.Text.Json;

namespace Platform.LlmEmulator.Chat;

/// <summary>A completion as OpenAI writes it: one JSON body, or server-sent event chunks ending in <c>[DONE]</c>.</summary>
public static class CompletionJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static object Response(Completion completion) => new
    {
        id = completion.Id,
        @object = "chat.completion",
        created = completion.Created,
        model = completion.Model,
        system_fingerprint = "fp_emulator",
        service_tier = "default",
        choices = new[]
        {
            new { index = 0, message = new { role = "assistant", content = completion.Text }, finish_reason = completion.FinishReason },
        },
        usage = completion.Usage,
    };

    /// <returns>"ok", or "cancelled" when the client went away before the end.</returns>
    public static async Task<string> StreamAsync(HttpContext http, Completion completion, bool includeUsage, int chunkDelayMs)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        try
        {
            await WriteAsync(http, Chunk(completion, new { role = "assistant", content = "" }, null));
            foreach (var piece in Pieces(completion.Text))
            {
                await Task.Delay(chunkDelayMs, http.RequestAborted);
                await WriteAsync(http, Chunk(completion, new { content = piece }, null));
            }

            await WriteAsync(http, Chunk(completion, new { }, completion.FinishReason));
            if (includeUsage)
            {
                await WriteAsync(
                    http,
                    new
                    {
                        id = completion.Id,
                        @object = "chat.completion.chunk",
                        created = completion.Created,
                        model = completion.Model,
                        choices = Array.Empty<object>(),
                        usage = completion.Usage,
                    });
            }

            await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted);
            return "ok";
        }
        catch (OperationCanceledException)
        {
            return "cancelled";
        }
    }

    private static object Chunk(Completion completion, object delta, string? finishReason) => new
    {
        id = completion.Id,
        @object = "chat.completion.chunk",
        created = completion.Created,
        model = completion.Model,
        system_fingerprint = "fp_emulator",
        choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
    };

    // A few words a chunk, the way a model's tokens arrive.
    private static IEnumerable<string> Pieces(string text)
    {
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i += 3)
        {
            yield return (i == 0 ? "" : " ") + string.Join(' ', words.Skip(i).Take(3));
        }
    }

    private static async Task WriteAsync(HttpContext http, object chunk)
    {
        await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk, Json)}\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }
}
