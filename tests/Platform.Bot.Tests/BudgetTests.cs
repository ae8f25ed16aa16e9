using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Platform.Bot.Llm.Budgets;
using Platform.Bot.Telemetry;
using Platform.Contracts;
using Platform.Data.Llm;
using Platform.Discord.Models;
using Platform.Modules;
using StackExchange.Redis;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class BudgetTests(BotEnvironment environment)
{
    [Fact]
    public async Task The_soft_limit_warns_the_alert_channel_once_and_the_hard_limit_refuses_privately()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();
        var channel = guild.Channels![0].Id;
        await scenario.InvokeAsync(guild, "ask", AskTests.Prompt("Hi"));
        await using var db = scenario.CreateDbContext();
        var cost = (await Eventually.ValueAsync(() => db.LlmUsage.AsNoTracking().SingleOrDefaultAsync(), "the first record")).CostUsd;
        // Room for three and a half calls, a warning at half of it.
        await SetBudgetAsync(scenario, guild.Id, cost * 3.5m, softPercent: 50, channel);

        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((await scenario.InvokeAsync(guild, "ask", AskTests.Prompt("Hi"))).Text());
        }

        Assert.All(answers[..3], a => Assert.Equal("Emulated answer to: Hi", a));
        Assert.Contains($"of {Llm.Usd.Format(cost * 3.5m)}", answers[3]);
        Assert.All(answers[3..], a => Assert.StartsWith("This server has used its AI budget", a));
        var refused = await scenario.InvokeAsync(guild, "ask", AskTests.Prompt("Hi"));
        Assert.True(refused.IsEphemeral());
        var warnings = (
            await scenario.Emulator.Control.GetFromJsonAsync<List<Message>>(
                $"/control/messages?channel_id={channel}",
                TestEmulator.Json))!
            .Where(m => m.Content.Contains("50% of its AI budget", StringComparison.Ordinal))
            .ToList();
        Assert.Single(warnings);
        var records = await db.LlmUsage.AsNoTracking().GroupBy(u => u.Status).ToDictionaryAsync(g => g.Key, g => g.Count());
        Assert.Equal(4, records[LlmCallStatus.Ok]);
        Assert.Equal(3, records[LlmCallStatus.BudgetBlocked]);
        Assert.Equal(0m, await db.LlmUsage.Where(u => u.Status == LlmCallStatus.BudgetBlocked).SumAsync(u => u.CostUsd));
        // Four calls reached the provider; the three refusals are kept, and reported apart.
        await Eventually.TrueAsync(
            async () =>
                (await scenario.InvokeAsync(guild, "usage"))
                    .Text()
                    .Contains("4 calls (and 3 calls refused by the budget)", StringComparison.Ordinal),
            "the refusals counted apart in /usage");
    }

    [Fact]
    public async Task An_alert_channel_that_is_not_the_guilds_own_text_channel_gets_no_alert()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();
        var elsewhere = (await scenario.GuildAsync(1)).Channels![0].Id;
        using var refusedAlerts = new MetricCollector<long>(null, BotTelemetry.Name, "bot.llm.budget.alerts_refused");
        // Written around the api, as an old row or a hand edit would be; the bot must check before it posts.
        await SetBudgetAsync(scenario, guild.Id, monthly: 0.0000001m, softPercent: 1, elsewhere);

        await scenario.InvokeAsync(guild, "ask", AskTests.Prompt("Hi"));

        // Whichever comes first: the bot declining the channel, or the alert landing in the other guild.
        async Task<List<Message>> AlertsElsewhereAsync() =>
            [
                .. (
                    await scenario.Emulator.Control.GetFromJsonAsync<List<Message>>(
                        $"/control/messages?channel_id={elsewhere}",
                        TestEmulator.Json))!.Where(m => m.Content.Contains("AI budget", StringComparison.Ordinal))];
        await Eventually.TrueAsync(
            async () => refusedAlerts.GetMeasurementSnapshot().Count > 0 || (await AlertsElsewhereAsync()).Count > 0,
            "the alert declined or posted");
        Assert.Empty(await AlertsElsewhereAsync());
    }

    [Fact]
    public async Task A_call_to_a_model_with_no_price_is_charged_at_the_highest_rates_marked_and_held_to_the_budget()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        // An OpenAI-compatible endpoint of a provider the price table does not know.
        await scenario.StartBotAsync(settings: "Llm:Provider=another-provider");
        var guild = await scenario.GuildAsync();
        await SetBudgetAsync(scenario, guild.Id, monthly: 0.0000001m, softPercent: 100, alertChannel: null);

        var first = await scenario.InvokeAsync(guild, "ask", AskTests.Prompt("Hi"));
        await using var db = scenario.CreateDbContext();
        var record = await Eventually.ValueAsync(
            () => db.LlmUsage.AsNoTracking().SingleOrDefaultAsync(u => u.Status == LlmCallStatus.Ok),
            "the first call recorded");
        var second = await scenario.InvokeAsync(guild, "ask", AskTests.Prompt("Hi"));

        Assert.Equal("Emulated answer to: Hi", first.Text());
        Assert.StartsWith("This server has used its AI budget", second.Text());
        var ceiling = new LlmPriceBook(await db.LlmModelPrices.AsNoTracking().ToListAsync()).Ceiling(record.OccurredAt)!;
        Assert.True(record.PriceMissing);
        Assert.Equal(LlmPriceBook.Cost(ceiling, record.InputTokens, record.CachedInputTokens, record.OutputTokens), record.CostUsd);
        Assert.True(record.CostUsd > 0);
        await Eventually.TrueAsync(async () => await db.LlmDailyUsage.SumAsync(d => d.UnpricedCalls) == 1, "the unpriced call counted in the rollup");
    }

    [Fact]
    public async Task A_member_over_the_daily_allowance_is_refused_while_others_go_on()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();
        await SetBudgetAsync(scenario, guild.Id, monthly: 100m, softPercent: 80, alertChannel: null, perUserDaily: 0.0000001m);

        var first = await scenario.InvokeAsync(guild, "ask", AskTests.Prompt("Hi"));
        var second = await scenario.InvokeAsync(guild, "ask", AskTests.Prompt("Hi again"));
        var someoneElse = await scenario.InvokeAsync(
            guild,
            "ask",
            AskTests.Prompt("Hi"),
            userId: guild.Members!.First(m => m.User!.Id != guild.OwnerId).User!.Id);

        Assert.Equal("Emulated answer to: Hi", first.Text());
        Assert.StartsWith("You have used your AI allowance in this server for today", second.Text());
        Assert.Contains(" of $0.0000001.", second.Text());
        Assert.True(second.IsEphemeral());
        Assert.Equal("Emulated answer to: Hi", someoneElse.Text());
    }

    [Fact]
    public async Task Three_bots_racing_one_budget_overshoot_it_by_at_most_one_call_each()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var bots = new[] { await scenario.LaunchBotAsync(), await scenario.LaunchBotAsync(), await scenario.LaunchBotAsync() };
        var guild = await scenario.GuildAsync();
        await using var db = scenario.CreateDbContext();
        await Eventually.TrueAsync(() => db.Guilds.AnyAsync(g => g.Id == (long)guild.Id), "the guild stored");
        var price = await db.LlmModelPrices.SingleAsync(p => p.Provider == "openai" && p.Model == "gpt-4o-mini");
        var limit = 0.0005m;
        await SetBudgetAsync(scenario, guild.Id, limit, softPercent: 100, alertChannel: null);

        var refusals = await Task.WhenAll(bots.Select(bot => Task.Run(async () =>
        {
            var chat = bot.Services.GetRequiredService<IChatClient>();
            using var _ = bot.Services.GetRequiredService<CurrentInvocation>().Enter(new Invocation("ask", "/ask", guild.Id, null, 1));
            for (var refused = 0; ;)
            {
                try
                {
                    await chat.GetResponseAsync("A question of some length, to cost a little more [words=40]");
                }
                catch (LlmBudgetExceededException) when (++refused == 3)
                {
                    return refused;
                }
                catch (LlmBudgetExceededException)
                {
                }
            }
        })));

        await Eventually.TrueAsync(
            async () => await db.LlmUsage.CountAsync(u => u.Status == LlmCallStatus.BudgetBlocked) == 9,
            "the refusals recorded");
        var calls = await db.LlmUsage.Where(u => u.Status == LlmCallStatus.Ok).Select(u => u.CostUsd).ToListAsync();
        var spent = calls.Sum();
        Assert.True(spent >= limit, $"Spent {spent} of {limit}.");
        Assert.True(
            spent - limit < 3 * calls.Max(),
            $"Spent {spent} of {limit}, in {calls.Count} calls of at most {calls.Max()}: more than one call each over.");
        Assert.Equal(
            spent,
            await bots[0]
                .Services.GetRequiredService<SpendCounters>()
                .GuildMonthAsync(guild.Id, DateTimeOffset.UtcNow, default));
    }

    [Fact]
    public async Task A_counter_that_missed_a_call_is_read_again_from_Postgres_within_the_reconcile_interval()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var bot = await scenario.StartBotAsync(settings: "Llm:SpendReconcileInterval=00:00:02");
        var guild = await scenario.GuildAsync();
        await SetBudgetAsync(scenario, guild.Id, monthly: 100m, softPercent: 100, alertChannel: null);
        await scenario.InvokeAsync(guild, "ask", AskTests.Prompt("Hi"));
        await using var db = scenario.CreateDbContext();
        var cost = (await Eventually.ValueAsync(() => db.LlmUsage.AsNoTracking().SingleOrDefaultAsync(), "the record")).CostUsd;
        var counters = bot.Services.GetRequiredService<SpendCounters>();
        var key = BotRedisKeys.LlmGuildSpend(scenario.ApplicationId, guild.Id, DateTimeOffset.UtcNow);
        await scenario.Redis.KeyDeleteAsync(key);
        Assert.Equal(cost, await counters.GuildMonthAsync(guild.Id, DateTimeOffset.UtcNow, default));

        // The call's increment lost on its way to Redis; the counter keeps the life the bot gave it.
        await scenario.Redis.StringDecrementAsync(key, (long)(cost * 1_000_000_000m));
        Assert.Equal(0m, await counters.GuildMonthAsync(guild.Id, DateTimeOffset.UtcNow, default));

        await Eventually.TrueAsync(
            async () => await counters.GuildMonthAsync(guild.Id, DateTimeOffset.UtcNow, default) == cost,
            "the counter read again from Postgres");
    }

    /// <summary>Sets the guild's budget as the api does: the row, then the Redis message.</summary>
    private static async Task SetBudgetAsync(
        BotScenario scenario,
        ulong guildId,
        decimal monthly,
        int softPercent,
        ulong? alertChannel,
        decimal? perUserDaily = null)
    {
        await using var db = scenario.CreateDbContext();
        db.LlmBudgets.Add(new LlmBudget
        {
            GuildId = (long)guildId,
            MonthlyLimitUsd = monthly,
            SoftThresholdPercent = softPercent,
            AlertChannelId = (long?)alertChannel,
            PerUserDailyLimitUsd = perUserDaily,
            UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        await scenario.Redis.PublishAsync(
            RedisChannel.Literal(BotRedisKeys.LlmBudgetsChannel(scenario.ApplicationId)),
            guildId.ToString(CultureInfo.InvariantCulture));
    }
}
