using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Data;
using Platform.Modules;

namespace Platform.Bot.Tests;

/// <summary>
/// LLM usage through a Postgres outage. It stops and starts a Postgres server of its own, alone:
/// the other bot tests neither share the server nor run beside the 10,000 calls.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class LlmOutageTests(BotEnvironment environment)
{
    [Fact]
    public async Task Postgres_stopped_in_the_middle_of_10000_calls_and_started_again_loses_none_and_counts_none_twice()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var bot = await scenario.LaunchBotAsync();
        var chat = bot.Services.GetRequiredService<IChatClient>();
        const int Calls = 10_000;

        // A quarter before the server stops, half while it is down, a quarter after it is back.
        async Task CallAsync(int count)
        {
            var left = count;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                using var _ = bot.Services.GetRequiredService<CurrentInvocation>().Enter(new Invocation("load", "/load", 77, 1, 2));
                while (Interlocked.Decrement(ref left) >= 0)
                {
                    await chat.GetResponseAsync("Hi");
                }
            })));
        }

        await CallAsync(Calls / 4);
        await environment.StopPostgresAsync();
        await CallAsync(Calls / 2);
        await Eventually.TrueAsync(() => Directory.EnumerateFiles(scenario.SpoolDirectory, "*.json").Any(), "records spooled while Postgres is down");
        await environment.StartPostgresAsync();
        await CallAsync(Calls / 4);

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
