using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Discord.Gateway;
using Platform.Discord.Models;
using Platform.DiscordEmulator.Control;
using Platform.Modules;
using Platform.Modules.Attributes;

namespace Platform.Bot.Tests;

/// <summary>Gateway event listeners that fail: one listener's failure is its own, not its neighbours'.</summary>
[Collection(BotCollection.Name)]
public sealed class ListenerTests(BotEnvironment environment)
{
    [Fact]
    public async Task An_event_one_listener_cannot_read_still_reaches_the_next_listener()
    {
        await using var scenario = await BotScenario.StartAsync(environment);
        var seen = new Seen();
        await scenario.StartBotAsync(services => services.AddSingleton(seen).AddBotModule<ReadersModule>());
        var guild = await scenario.GuildAsync();

        // Discord never sends a snowflake that is not a number; a listener typed as Message cannot read this one.
        await scenario.Emulator.PostAsync("/control/dispatch", new DispatchRequest(
            "MESSAGE_CREATE",
            JsonSerializer.SerializeToElement(new { id = "unreadable", channel_id = "1", guild_id = guild.Id.ToString() }),
            GuildId: guild.Id));

        await Eventually.TrueAsync(() => seen.Raw.Contains("unreadable"), "the raw listener saw the event");
        Assert.Empty(seen.Typed);
    }

    public sealed class Seen
    {
        public ConcurrentBag<ulong> Typed { get; } = [];

        public ConcurrentBag<string> Raw { get; } = [];
    }

    [Module("readers", "Two listeners of one event.")]
    public sealed class ReadersModule(Seen seen) : BotModule
    {
        [GatewayEvent(GatewayEventNames.MessageCreate)]
        public Task OnTypedAsync(Message message)
        {
            seen.Typed.Add(message.Id);
            return Task.CompletedTask;
        }

        [GatewayEvent(GatewayEventNames.MessageCreate)]
        public Task OnRawAsync(JsonElement message)
        {
            seen.Raw.Add(message.GetProperty("id").GetString()!);
            return Task.CompletedTask;
        }
    }
}
