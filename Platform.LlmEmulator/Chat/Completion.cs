using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.LlmEmulator.Chat;

/// <summary>
/// A deterministic answer with usage counted the way OpenAI reports it: the same request always gets
/// the same text and token counts, so tests can assert exact records and costs.
/// </summary>
public sealed partial record Completion(string Id, string Model, long Created, string Text, string FinishReason, Usage Usage)
{
    /// <summary>OpenAI caches prompt prefixes of at least this many tokens, in steps of 128.</summary>
    public const int CacheableTokens = 1024;

    private static readonly string[] Words =
        ["the", "bot", "answers", "each", "member", "with", "care", "and", "counts", "every", "token", "it", "spends", "on", "a", "reply"];

    /// <param name="scripted">The answer a test queued for this request, if any, in place of the deterministic one.</param>
    public static Completion Create(ChatRequest request, string model, PromptCache cache, TimeProvider time, string? scripted = null)
    {
        var messages = request.Messages ?? [];
        var prompt = messages.LastOrDefault(m => m.Role == "user")?.Text ?? "";
        var text = scripted ?? Reply(prompt);
        var limit = request.MaxCompletionTokens ?? request.MaxTokens;
        var finish = "stop";
        if (limit is { } max && Tokens(text) > max)
        {
            text = text[..Math.Min(text.Length, max * 4)];
            finish = "length";
        }

        var promptTokens = messages.Sum(m => Tokens(m.Text) + 4) + 3;
        var seen = cache.SeenBefore(string.Join('\u001f', messages.Select(m => $"{m.Role}:{m.Text}")));
        var cached = seen && promptTokens >= CacheableTokens ? promptTokens / 128 * 128 : 0;
        var answerTokens = Tokens(text);
        var reasoning = IsReasoningModel(model) ? answerTokens * 2 : 0;
        var usage = new Usage(
            promptTokens,
            answerTokens + reasoning,
            promptTokens + answerTokens + reasoning,
            new PromptTokensDetails(cached),
            new CompletionTokensDetails(reasoning));
        return new Completion(
            $"chatcmpl-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}",
            model,
            time.GetUtcNow().ToUnixTimeSeconds(),
            text,
            finish,
            usage);
    }

    /// <summary>About four characters a token, as OpenAI's own rule of thumb for English.</summary>
    public static int Tokens(string text) => (text.Length + 3) / 4;

    private static bool IsReasoningModel(string model) =>
        model.StartsWith("gpt-5", StringComparison.Ordinal) || ReasoningModel().IsMatch(model);

    // "[words=N]" in the prompt asks for an answer of N words, for tests of long and split answers.
    private static string Reply(string prompt)
    {
        if (WordCount().Match(prompt) is { Success: true } match)
        {
            var count = Math.Min(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), 100_000);
            var answer = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                answer.Append(i == 0 ? "" : " ").Append(Words[i % Words.Length]);
            }

            return answer.Append('.').ToString();
        }

        return $"Emulated answer to: {prompt.Trim()}";
    }

    [GeneratedRegex(@"\[words=(\d+)\]")]
    private static partial Regex WordCount();

    [GeneratedRegex(@"^o\d")]
    private static partial Regex ReasoningModel();
}

public sealed record Usage(
    int PromptTokens,
    int CompletionTokens,
    int TotalTokens,
    PromptTokensDetails PromptTokensDetails,
    CompletionTokensDetails CompletionTokensDetails);

public sealed record PromptTokensDetails(int CachedTokens, int AudioTokens = 0);

public sealed record CompletionTokensDetails(
    int ReasoningTokens,
    int AudioTokens = 0,
    int AcceptedPredictionTokens = 0,
    int RejectedPredictionTokens = 0);
