using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class RedisOutageTests(BotEnvironment environment)
{
    [Fact]
    public async Task Redis_that_stops_answering_for_longer_than_the_client_waits_takes_nothing_down()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        // Leases long enough to outlive the outage: losing one stops the process by design, which is another test.
        var bot = await scenario.StartBotAsync(settings: "Bot:ShardLeaseDuration=00:01:00");
        var guild = await scenario.GuildAsync();
        var redis = await RedisServerProcessAsync(environment.RedisConnectionString);

        // Frozen, not gone: connections stay open and every command waits out the client's 5 s timeout.
        Signal(redis, "STOP");
        try
        {
            // Shard status is published every 2 s, so several publishes time out meanwhile.
            await Task.Delay(TimeSpan.FromSeconds(8));
        }
        finally
        {
            Signal(redis, "CONT");
        }

        Assert.False(bot.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "The bot stopped.");
        var pong = await scenario.InvokeAsync(guild, "ping");
        Assert.StartsWith("Pong!", pong.Text());
    }

    /// <summary>The server's own process id, as Redis reports it; the test's address may be a proxy's.</summary>
    private static async Task<int> RedisServerProcessAsync(string connectionString)
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(connectionString + ",allowAdmin=true");
        var info = await admin.GetServers()[0].InfoAsync("server");
        return int.Parse(info.SelectMany(section => section).Single(entry => entry.Key == "process_id").Value, CultureInfo.InvariantCulture);
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
