using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Bot.ModuleSystem;
using Platform.Data;
using Platform.Data.Llm;
using Platform.Testing;

namespace Platform.Bot.Tests;

/// <summary>Usage records of calls made through the bot's <see cref="IChatClient"/>, as a module makes them.</summary>
[Collection(BotCollection.Name)]
public sealed class LlmUsageTests(BotEnvironment environment)
{
    [Fact]
    public async Task A_stream_read_to_the_end_an_abandoned_stream_and_a_cancelled_call_are_each_recorded()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var bot = await scenario.LaunchBotAsync();
        var chat = bot.Services.GetRequiredService<IChatClient>();
        using var _ = bot.Services.GetRequiredService<CurrentInvocation>().Enter(new Invocation("digest", "daily digest", null, null, 5));

        var whole = await chat.GetStreamingResponseAsync("Tell me [words=50]").ToChatResponseAsync();
        await foreach (var update in chat.GetStreamingResponseAsync("Tell me more [words=400]"))
        {
            if (update.Text.Length > 0)
            {
                break;
            }
        }

        using var cancel = new CancellationTokenSource();
        await scenario.Llm.FaultAsync("timeout");
        var hanging = chat.GetResponseAsync("Hang", cancellationToken: cancel.Token);
        await Task.Delay(300);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging);

        await using var db = scenario.CreateDbContext();
        await Eventually.TrueAsync(async () => await db.LlmUsage.CountAsync() == 3, "three records");
        var records = await db.LlmUsage.AsNoTracking().OrderBy(u => u.Id).ToListAsync();
        Assert.All(records, r => Assert.Equal(("digest", "daily digest", 5L, (long?)null), (r.Module, r.Command, r.UserId!.Value, r.GuildId)));
        Assert.Equal((LlmCallStatus.Ok, null, (int)whole.Usage!.OutputTokenCount!), (records[0].Status, records[0].ErrorKind, records[0].OutputTokens));
        // Given up before the provider's usage arrived: the tokens sent and read so far, estimated.
        Assert.Equal((LlmCallStatus.Cancelled, "abandoned"), (records[1].Status, records[1].ErrorKind));
        Assert.True(records[1] is { InputTokens: > 0, OutputTokens: > 0, CostUsd: > 0 } && records[1].OutputTokens < 400);
        Assert.Equal((LlmCallStatus.Cancelled, "cancelled", 0), (records[2].Status, records[2].ErrorKind, records[2].OutputTokens));
    }

    [Fact]
    public async Task Postgres_stopped_in_the_middle_of_10000_calls_and_started_again_loses_none_and_counts_none_twice()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var bot = await scenario.LaunchBotAsync();
        var chat = bot.Services.GetRequiredService<IChatClient>();
        const int Calls = 10_000;
        var made = 0;

        async Task CallAsync()
        {
            using var _ = bot.Services.GetRequiredService<CurrentInvocation>().Enter(new Invocation("load", "/load", 77, 1, 2));
            while (Interlocked.Increment(ref made) <= Calls)
            {
                await chat.GetResponseAsync("Hi");
            }
        }

        var calling = Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(CallAsync)));
        await Eventually.TrueAsync(() => Volatile.Read(ref made) > Calls / 4, "a quarter of the calls");
        await environment.StopPostgresAsync();
        await Eventually.TrueAsync(() => Directory.EnumerateFiles(scenario.SpoolDirectory, "*.json").Any(), "records spooled while Postgres is down");
        await Eventually.TrueAsync(() => Volatile.Read(ref made) > Calls * 3 / 4, "three quarters of the calls");
        await environment.StartPostgresAsync();
        await calling;

        // A pool of the test's own: the bot's pooled connections (same process) broke with the server.
        await using var db = new PlatformDbContext(PlatformDbOptions.ForConnectionString(
            new NpgsqlConnectionStringBuilder(scenario.Database) { ApplicationName = "test-reader" }.ConnectionString));
        await Eventually.TrueAsync(async () => await db.LlmUsage.CountAsync() == Calls, $"{Calls} records", TimeSpan.FromSeconds(60));
        Assert.Equal(Calls, await db.LlmUsage.Select(u => u.Id).Distinct().CountAsync());
        Assert.Equal(Calls, await db.LlmDailyUsage.Where(d => d.GuildId == 77).SumAsync(d => d.Calls));
        Assert.Equal(await db.LlmUsage.SumAsync(u => u.CostUsd), await db.LlmDailyUsage.SumAsync(d => d.CostUsd));
        await Eventually.TrueAsync(() => !Directory.EnumerateFiles(scenario.SpoolDirectory, "*.json").Any(), "the spool emptied");
    }
}
