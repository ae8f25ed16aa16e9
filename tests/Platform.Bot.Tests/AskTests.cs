using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Platform.Data.Llm;

namespace Platform.Bot.Tests;

/// <summary>The ask module end to end: Discord (emulated), the bot, the LLM (emulated), Postgres and Redis.</summary>
[Collection(BotCollection.Name)]
public sealed class AskTests(BotEnvironment environment)
{
    [Fact]
    public async Task An_answer_is_shown_and_its_call_recorded_with_tokens_cost_timing_and_who_asked()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();

        var transcript = await scenario.InvokeAsync(guild, "ask", Prompt("What is a shard?"));

        Assert.Equal("Emulated answer to: What is a shard?", transcript.Text());
        Assert.False(transcript.IsEphemeral());
        await using var db = scenario.CreateDbContext();
        var usage = await Eventually.ValueAsync(() => db.LlmUsage.AsNoTracking().SingleOrDefaultAsync(), "the usage record");
        var price = await db.LlmModelPrices.SingleAsync(p => p.Provider == "openai" && p.Model == "gpt-4o-mini");
        Assert.Equal(
            (
                (long)guild.Id,
                (long)guild.OwnerId,
                "ask",
                "/ask",
                "openai",
                "gpt-4o-mini",
                "gpt-4o-mini-2024-07-18",
                LlmCallStatus.Ok),
            (
                usage.GuildId!.Value,
                usage.UserId!.Value,
                usage.Module,
                usage.Command,
                usage.Provider,
                usage.ModelRequested,
                usage.ModelReturned,
                usage.Status));
        Assert.NotNull(usage.ChannelId);
        Assert.True(usage is { InputTokens: > 0, OutputTokens: > 0, TimeToFirstTokenMs: >= 0, DurationMs: >= 0 }, JsonSerializer.Serialize(usage));
        Assert.True(usage.TimeToFirstTokenMs <= usage.DurationMs);
        Assert.StartsWith("chatcmpl-", usage.RequestId);
        Assert.Equal(
            LlmPriceBook.Cost(price, usage.InputTokens, usage.CachedInputTokens, usage.OutputTokens),
            usage.CostUsd);
        var daily = await Eventually.ValueAsync(
            () => db.LlmDailyUsage.AsNoTracking().SingleOrDefaultAsync(),
            "the daily rollup");
        Assert.Equal(
            ((long)guild.Id, "ask", "gpt-4o-mini", 1L, usage.CostUsd),
            (daily.GuildId, daily.Module, daily.Model, daily.Calls, daily.CostUsd));
    }

    [Fact]
    public async Task A_long_answer_streams_into_edits_and_goes_on_in_a_follow_up_past_2000_characters()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();

        var transcript = await scenario.InvokeAsync(guild, "ask", Prompt("Tell me everything [words=700]"));

        var shown = transcript
            .Responses.Where(r => r.Data is not null)
            .Select(r => (r.Kind, Content: r.Data!.Value.GetProperty("content").GetString()!))
            .ToList();
        var original = shown.Last(r => r.Kind == "edit_original").Content;
        var expected = await ExpectedAnswerAsync(scenario, "Tell me everything [words=700]");
        Assert.True(expected.Length > 3000, $"The answer has {expected.Length} characters.");
        Assert.InRange(original.Length, 1000, 2000);
        Assert.Contains(shown, r => r.Kind == "followup");
        Assert.All(shown, r => Assert.InRange(r.Content.Length, 1, 2000));
        Assert.StartsWith(original, expected);
        Assert.EndsWith(shown[^1].Content, expected);
    }

    [Fact]
    public async Task A_provider_failure_is_explained_privately_and_recorded_as_an_error()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync(settings: "Llm:MaxRetries=0");
        var guild = await scenario.GuildAsync();
        await scenario.Llm.FaultAsync("server_error");

        var transcript = await scenario.InvokeAsync(guild, "ask", Prompt("Hello?"));

        Assert.StartsWith("Something went wrong", transcript.Text());
        Assert.True(transcript.IsEphemeral());
        await using var db = scenario.CreateDbContext();
        var usage = await Eventually.ValueAsync(() => db.LlmUsage.AsNoTracking().SingleOrDefaultAsync(), "the usage record");
        Assert.Equal((LlmCallStatus.Error, "server_error", 0m, 0), (usage.Status, usage.ErrorKind, usage.CostUsd, usage.OutputTokens));
    }

    [Fact]
    public async Task A_bot_with_no_llm_configured_starts_and_says_so_privately_when_asked()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync(settings: "Llm:ApiKey=");
        var guild = await scenario.GuildAsync();

        var asked = await scenario.InvokeAsync(guild, "ask", Prompt("Hello?"));
        var pinged = await scenario.InvokeAsync(guild, "ping");

        Assert.StartsWith("AI commands are not set up for this bot yet", asked.Text());
        Assert.True(asked.IsEphemeral());
        Assert.StartsWith("Pong!", pinged.Text());
        await using var db = scenario.CreateDbContext();
        var usage = await Eventually.ValueAsync(() => db.LlmUsage.AsNoTracking().SingleOrDefaultAsync(), "the usage record");
        Assert.Equal((LlmCallStatus.Error, "not_configured", 0m), (usage.Status, usage.ErrorKind, usage.CostUsd));
    }

    [Fact]
    public async Task Usage_shows_the_month_to_date_spend_against_the_budget_by_module_and_model()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();
        await scenario.InvokeAsync(guild, "ask", Prompt("Hi"));
        await using var db = scenario.CreateDbContext();
        var cost = (await Eventually.ValueAsync(() => db.LlmUsage.AsNoTracking().SingleOrDefaultAsync(), "the usage record")).CostUsd;

        var usage = await scenario.InvokeAsync(guild, "usage");

        var month = DateTimeOffset.UtcNow.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            $"**AI spend in {month}:** {Llm.Usd.Format(cost)} (no budget set)\n- `ask` on `gpt-4o-mini`: 1 call, {Llm.Usd.Format(cost)}",
            usage.Text());
        Assert.True(usage.IsEphemeral());
    }

    internal static JsonElement[] Prompt(string prompt) => [Transcripts.StringOption("prompt", prompt)];

    private static async Task<string> ExpectedAnswerAsync(BotScenario scenario, string prompt) =>
        (await scenario.Llm.ChatClient("gpt-4o-mini").GetResponseAsync(prompt)).Text;
}
