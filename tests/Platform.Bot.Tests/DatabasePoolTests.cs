using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Data;
using Platform.Modules;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class DatabasePoolTests(BotEnvironment environment)
{
    [Fact]
    public async Task Under_load_the_bot_holds_no_more_postgres_connections_than_its_one_pool_allows()
    {
        const int PoolSize = 4;
        await using var scenario = await BotScenario.StartAsync(environment);
        var applicationName = $"bot-{scenario.ApplicationId}";
        var connectionString = new NpgsqlConnectionStringBuilder(scenario.Database) { ApplicationName = applicationName, MaxPoolSize = PoolSize };
        var bot = await scenario.StartBotAsync(settings: $"ConnectionStrings:platformdb={connectionString}");
        var guild = await scenario.GuildAsync();
        await using var db = scenario.CreateDbContext();
        // A context of its own: the sampler runs while the test below counts the usage written.
        await using var samplingDb = scenario.CreateDbContext();
        var most = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                most = Math.Max(
                    most,
                    await samplingDb
                        .Database.SqlQuery<int>(
                            $"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE application_name = {applicationName}")
                        .SingleAsync());
                await Task.Delay(10);
            }
        });

        // More handlers wanting a connection than the pool has, interactions through EF, and LLM calls whose usage the
        // writer takes to Postgres, all at once.
        var chat = bot.Services.GetRequiredService<IChatClient>();
        await Task.WhenAll(
            Task.WhenAll(
                Enumerable
                    .Range(0, 4 * PoolSize)
                    .Select(_ =>
                        Task.Run(async () =>
                        {
                            await using var scope = bot.Services.CreateAsyncScope();
                            var handlerDb = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                            for (var i = 0; i < 5; i++)
                            {
                                await handlerDb.Database.ExecuteSqlRawAsync("SELECT pg_sleep(0.1)");
                            }
                        }))),
            Task.WhenAll(
                Enumerable
                    .Range(0, 40)
                    .Select(i =>
                        scenario.InvokeAsync(
                            guild,
                            "tag",
                            new[]
                            {
                                new
                                {
                                    name = "set",
                                    type = 1,
                                    options = new object[]
                                    {
                                        new
                                        {
                                            name = "name",
                                            type = 3,
                                            value = $"t{i}",
                                        },
                                        new
                                        {
                                            name = "text",
                                            type = 3,
                                            value = "text",
                                        },
                                    },
                                },
                            }))),
            Task.WhenAll(
                Enumerable
                    .Range(0, 8)
                    .Select(_ =>
                        Task.Run(async () =>
                        {
                            using var invocation = bot
                                .Services.GetRequiredService<CurrentInvocation>()
                                .Enter(new Invocation("load", "/load", guild.Id, null, 1));
                            for (var i = 0; i < 50; i++)
                            {
                                await chat.GetResponseAsync("Hi");
                            }
                        }))));
        await Eventually.TrueAsync(async () => await db.LlmUsage.CountAsync() == 400, "the usage written");
        await sampling.CancelAsync();
        await sampler;

        Assert.True(most is > 0 and <= PoolSize, $"The bot held {most} connections at once; its pool allows {PoolSize}.");
    }
}
