using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.DiscordEmulator.Control;

namespace Platform.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class InteractionLoadTests(BotEnvironment environment)
{
    [Fact]
    public async Task The_emulator_generates_interactions_at_a_rate_times_every_callback_after_the_lead_in_and_then_forgets_them()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        await scenario.StartBotAsync();
        var guild = await scenario.GuildAsync();

        var result = await scenario.Emulator.PostAsync<LoadResult>("/control/interactions/load",
            new LoadRequest(new InvokeRequest(guild.Id, guild.OwnerId, "ping"), Rate: 50, Seconds: 1, LeadInSeconds: 0.4));

        Assert.Equal(50, result.Sent);
        Assert.Equal(50, result.Answered);
        Assert.InRange(result.P50Ms, 0.01, 3000);
        Assert.True(result.P50Ms <= result.P99Ms && result.P99Ms <= result.MaxMs);
        Assert.True(result.CpuUsPerInteraction > 0, "The load reports what it cost the emulator's process.");
        Assert.Empty((await scenario.Emulator.Control.GetFromJsonAsync<JsonElement[]>("/control/messages", TestEmulator.Json))!);
    }

    [Fact]
    public async Task A_load_with_an_impossible_rate_is_refused_as_a_problem()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var guild = await scenario.GuildAsync();

        using var response = await scenario.Emulator.Control.PostAsJsonAsync("/control/interactions/load",
            new LoadRequest(new InvokeRequest(guild.Id, guild.OwnerId, "ping"), Rate: 0, Seconds: 1), TestEmulator.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
