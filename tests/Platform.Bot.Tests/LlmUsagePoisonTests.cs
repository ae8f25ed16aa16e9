using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Platform.Bot.Llm;
using Platform.Bot.Llm.Usage;
using Platform.Bot.Telemetry;
using Platform.Data.Llm;

namespace Platform.Bot.Tests;

/// <summary>A record Postgres cannot store is set aside alone: every other record, fresh or spooled, still reaches Postgres.</summary>
[Collection(BotCollection.Name)]
public sealed class LlmUsagePoisonTests(BotEnvironment environment)
{
    [Fact]
    public async Task A_record_postgres_refuses_is_set_aside_and_every_other_record_flows_from_the_queue_and_the_spool()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        // A spool left by an earlier run, holding a poisoned record among good ones: replay must not stop at it.
        var spooledPoison = Usage(cost: 1_000_000_000_000m);
        LlmUsage[] spooled = [Usage(), spooledPoison, Usage()];
        await new LlmUsageSpool(new LlmSettings { SpoolDirectory = scenario.SpoolDirectory }).AppendAsync(spooled, CancellationToken.None);
        var bot = await scenario.StartBotAsync();
        var queue = bot.Services.GetRequiredService<LlmUsageQueue>();

        // A provider's over-long model name and a NUL in its request id are cut to fit; a cost past numeric(18, 9) cannot be.
        var overlong = Usage();
        (overlong.ModelReturned, overlong.RequestId) = (new string('m', 300), "req\0id");
        var poison = Usage(cost: 1_000_000_000_000m);
        LlmUsage[] fresh = [Usage(), overlong, poison, .. Enumerable.Range(0, 20).Select(_ => Usage())];
        foreach (var usage in fresh)
        {
            await queue.RecordAsync(usage);
        }

        await using var db = scenario.CreateDbContext();
        var expected = fresh.Concat(spooled).Where(u => u != poison && u != spooledPoison).Select(u => u.Id).ToList();
        await Eventually.TrueAsync(
            async () => await db.LlmUsage.CountAsync(u => expected.Contains(u.Id)) == expected.Count,
            "every good record written");
        await Eventually.TrueAsync(
            () => !Directory.EnumerateFiles(scenario.SpoolDirectory, "*.json").Any(),
            "the spool emptied");

        Assert.Equal(expected.Count, await db.LlmUsage.CountAsync());
        var cut = await db.LlmUsage.AsNoTracking().SingleAsync(u => u.Id == overlong.Id);
        Assert.Equal((LlmUsageColumns.Model, "reqid"), (cut.ModelReturned!.Length, cut.RequestId));
        var setAside = string.Concat(
            Directory
                .EnumerateFiles(Path.Combine(scenario.SpoolDirectory, "dead-letter"), "*.json")
                .Select(File.ReadAllText));
        Assert.Contains(poison.Id.ToString(), setAside);
        Assert.Contains(spooledPoison.Id.ToString(), setAside);

        // A record written already, recorded again on its own: a taken key is not bad data, and nothing is set aside.
        using var flushes = new MetricCollector<double>(null, BotTelemetry.Name, "bot.llm.usage.flush.duration");
        using var setAsides = new MetricCollector<long>(null, BotTelemetry.Name, "bot.llm.usage.dead_lettered");
        await queue.RecordAsync(fresh[0]);
        await Eventually.TrueAsync(
            () => flushes.GetMeasurementSnapshot().Count + setAsides.GetMeasurementSnapshot().Count > 0,
            "the repeated record handled");
        Assert.Empty(setAsides.GetMeasurementSnapshot());
        Assert.Equal(expected.Count, await db.LlmUsage.CountAsync());
    }

    private static LlmUsage Usage(decimal cost = 0.001m) => new()
    {
        Id = Guid.CreateVersion7(),
        OccurredAt = DateTimeOffset.UtcNow,
        GuildId = 88,
        UserId = 1,
        Module = "ask",
        Command = "/ask",
        Provider = "openai",
        ModelRequested = "gpt-4o-mini",
        ModelReturned = "gpt-4o-mini",
        InputTokens = 10,
        OutputTokens = 5,
        CostUsd = cost,
        Status = LlmCallStatus.Ok,
    };
}
