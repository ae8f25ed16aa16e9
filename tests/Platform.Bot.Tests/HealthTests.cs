using System.Net;
using Platform.DiscordEmulator.Gateway;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class HealthTests(BotEnvironment environment)
{
    [Fact]
    public async Task Health_is_healthy_when_ready_degraded_while_resuming_and_unhealthy_on_a_fatal_shard()
    {
        await using var scenario = await BotScenario.StartAsync(environment, "Shards=2", "HeartbeatIntervalMs=10000");
        var bot = await scenario.StartBotAsync();
        using var client = bot.CreateClient();

        var ready = await client.GetStringAsync("/health");
        await scenario.Emulator.FaultAsync(FaultKinds.Latency, shardId: 0, ms: 1500);
        await scenario.Emulator.FaultAsync(FaultKinds.Close, shardId: 0, code: 4000);
        await Eventually.TrueAsync(async () => await client.GetStringAsync("/health") == "Degraded", "degraded while shard 0 resumes");
        await scenario.Emulator.FaultAsync(FaultKinds.Latency, shardId: 0, ms: 0);
        await Eventually.TrueAsync(async () => await client.GetStringAsync("/health") == "Healthy", "healthy again");
        await scenario.Emulator.FaultAsync(FaultKinds.Close, shardId: 1, code: 4004);
        await Eventually.TrueAsync(
            async () => (await client.GetAsync("/health")).StatusCode == HttpStatusCode.ServiceUnavailable,
            "unhealthy on the fatal shard");

        Assert.Equal("Healthy", ready);
        Assert.Equal("fatal", (await scenario.ReadAsync())[1].State);
        Assert.StartsWith("Discord rejected the bot token (4004)", (await scenario.ReadAsync())[1].FatalReason);
    }

    [Fact]
    public async Task Health_is_unhealthy_while_the_llm_usage_spool_cannot_be_written()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        // Tests run as root, whom permissions do not stop: a file where the directory should be does.
        var blocked = Path.Combine(scenario.SpoolDirectory, "not-a-directory");
        Directory.CreateDirectory(scenario.SpoolDirectory);
        await File.WriteAllTextAsync(blocked, "");
        var bot = await scenario.StartBotAsync(settings: $"Llm:SpoolDirectory={blocked}");
        using var client = bot.CreateClient();

        var answer = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        File.Delete(blocked);
        await Eventually.TrueAsync(
            async () => (await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK,
            "healthy once the spool can be written");
    }
}
