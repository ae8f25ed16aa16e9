using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Data;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class DatabasePoolTests(BotEnvironment environment)
{
    [Fact]
    public async Task The_bot_holds_at_most_its_share_of_postgres_connections()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var bot = await scenario.StartBotAsync();
        await using var scope = bot.Services.CreateAsyncScope();

        var connectionString = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.GetConnectionString();

        Assert.Equal(PlatformDbOptions.DefaultMaxPoolSize, new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize);
    }
}
