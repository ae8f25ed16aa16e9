using System.ClientModel;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Platform.LlmEmulator.Tests;

public sealed class ChatCompletionTests
{
    [Fact]
    public async Task A_completion_is_deterministic_and_reports_usage_and_the_dated_model()
    {
        await using var emulator = await TestLlmEmulator.StartAsync();
        var client = emulator.ChatClient("gpt-4o-mini");

        var first = await client.GetResponseAsync("What is a shard?");
        var second = await client.GetResponseAsync("What is a shard?");

        Assert.Equal("Emulated answer to: What is a shard?", first.Text);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal("gpt-4o-mini-2024-07-18", first.ModelId);
        Assert.StartsWith("chatcmpl-", first.ResponseId);
        Assert.Equal(4 + 4 + 3, first.Usage?.InputTokenCount);
        Assert.Equal(9, first.Usage?.OutputTokenCount);
        Assert.Equal(0, first.Usage?.CachedInputTokenCount ?? 0);
    }

    [Fact]
    public async Task A_stream_arrives_in_pieces_that_add_up_to_the_same_answer_with_usage_last()
    {
        await using var emulator = await TestLlmEmulator.StartAsync();
        var client = emulator.ChatClient("gpt-4o-mini");

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("Tell me [words=40]"))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.True(updates.Count(u => u.Text.Length > 0) > 5);
        Assert.Equal(40, response.Text.TrimEnd('.').Split(' ').Length);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal((response.Text.Length + 3) / 4, response.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task Reasoning_models_report_reasoning_tokens_and_a_repeated_long_prompt_reports_cached_tokens()
    {
        await using var emulator = await TestLlmEmulator.StartAsync();
        var client = emulator.ChatClient("o4-mini");
        var longPrompt = string.Join(' ', Enumerable.Repeat("context", 700));

        var first = await client.GetResponseAsync(longPrompt);
        var second = await client.GetResponseAsync(longPrompt);

        Assert.Equal(0, first.Usage?.CachedInputTokenCount ?? 0);
        Assert.Equal(second.Usage!.InputTokenCount / 128 * 128, second.Usage.CachedInputTokenCount);
        Assert.True(second.Usage.InputTokenCount >= 1024);
        Assert.True(first.Usage!.ReasoningTokenCount > 0);
        Assert.Equal(first.Usage.OutputTokenCount, first.Usage.ReasoningTokenCount + (first.Text.Length + 3) / 4);
    }

    [Fact]
    public async Task A_token_limit_cuts_the_answer_and_says_so()
    {
        await using var emulator = await TestLlmEmulator.StartAsync();

        var response = await emulator.ChatClient("gpt-4o-mini").GetResponseAsync("Go on [words=500]", new ChatOptions { MaxOutputTokens = 20 });

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(20, response.Usage?.OutputTokenCount);
    }

    [Theory]
    [InlineData("rate_limit", 429)]
    [InlineData("server_error", 500)]
    public async Task Faults_on_demand_fail_the_next_request_with_openai_errors(string kind, int status)
    {
        await using var emulator = await TestLlmEmulator.StartAsync();
        var client = emulator.ChatClient("gpt-4o-mini");
        await emulator.FaultAsync(kind);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync("hello"));
        var next = await client.GetResponseAsync("hello");

        Assert.Equal(status, error.Status);
        Assert.Equal("Emulated answer to: hello", next.Text);
    }

    [Fact]
    public async Task A_timeout_fault_never_answers_and_the_client_gives_up()
    {
        await using var emulator = await TestLlmEmulator.StartAsync();
        await emulator.FaultAsync("timeout");

        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<Exception>(() => emulator.ChatClient("gpt-4o-mini", timeout: TimeSpan.FromSeconds(1)).GetResponseAsync("hello"));

        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_wrong_key_is_refused_as_openai_refuses_it()
    {
        await using var emulator = await TestLlmEmulator.StartAsync();

        var error = await Assert.ThrowsAsync<ClientResultException>(() =>
            emulator.ChatClient("gpt-4o-mini", apiKey: "wrong").GetResponseAsync("hello"));

        Assert.Equal((int)HttpStatusCode.Unauthorized, error.Status);
        Assert.Contains("invalid_api_key", error.Message);
    }

    [Fact]
    public async Task The_request_log_tells_how_each_request_ended_with_its_openai_request_id()
    {
        await using var emulator = await TestLlmEmulator.StartAsync();
        var client = emulator.ChatClient("gpt-4o");
        await client.GetResponseAsync("one");
        await emulator.FaultAsync("server_error");
        await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync("two"));

        var log = (await emulator.Control.GetFromJsonAsync<JsonElement[]>("/control/requests"))!;

        Assert.Equal(["ok", "server_error"], log.Select(r => r.GetProperty("status").GetString()));
        Assert.All(log, r => Assert.StartsWith("req_", r.GetProperty("request_id").GetString()));
        Assert.Equal("gpt-4o-2024-08-06", log[0].GetProperty("model").GetString());
    }

    [Fact]
    public async Task A_scripted_reply_answers_the_next_request_only_with_its_usage_counted()
    {
        await using var emulator = await TestLlmEmulator.StartAsync();
        var client = emulator.ChatClient("gpt-4o-mini");
        await emulator.ReplyAsync("2026-12-08T09:00:00Z");

        var scripted = await client.GetResponseAsync("tomorrow at nine");
        var after = await client.GetResponseAsync("tomorrow at nine");

        Assert.Equal("2026-12-08T09:00:00Z", scripted.Text);
        Assert.Equal(5, scripted.Usage?.OutputTokenCount);
        Assert.Equal("Emulated answer to: tomorrow at nine", after.Text);
    }

    [Theory]
    [InlineData("/control/faults", "meteor", null)]
    [InlineData("/control/replies", null, "")]
    public async Task A_bad_script_request_is_a_problem_not_a_crash(string path, string? kind, string? text)
    {
        await using var emulator = await TestLlmEmulator.StartAsync();

        using var response = await emulator.Control.PostAsJsonAsync(path, new { kind, text, count = 1 });
        using var zero = await emulator.Control.PostAsJsonAsync(path, new { kind = "timeout", text = "ok", count = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
    }
}
