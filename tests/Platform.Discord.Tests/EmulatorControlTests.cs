using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Discord.Gateway;
using Platform.Discord.Models;
using Platform.DiscordEmulator.Control;
using Platform.DiscordEmulator.Gateway;

namespace Platform.Discord.Tests;

/// <summary>What tests and developers do to the emulator while a bot is connected.</summary>
public sealed class EmulatorControlTests
{
    [Fact]
    public async Task A_guild_seeded_while_connected_arrives_as_guild_create_and_a_new_member_as_guild_member_add()
    {
        await using var emulator = await TestEmulator.StartAsync("Guilds=1");
        await using var client = await GatewayTestClient.StartAsync(emulator, o =>
            o with
            {
                Intents = GatewayIntents.Guilds | GatewayIntents.GuildMembers,
            });
        await client.WaitForAsync(events => events.Count == 2);

        var guild = await emulator.PostAsync<Guild>("/control/guilds", new SeedGuildRequest("Late Guild", Members: 2));
        var member = await emulator.PostAsync<GuildMember>($"/control/guilds/{guild.Id}/members", new SeedMemberRequest("newcomer"));
        await client.WaitForAsync(events => events.Any(e => e.Name == GatewayEventNames.GuildMemberAdd));

        var created = client.Received.Single(e =>
            e.Name == GatewayEventNames.GuildCreate
            && e.Deserialize(Platform.Discord.Json.DiscordJsonContext.Default.Guild).Id == guild.Id);
        using var added = JsonDocument.Parse(
            client.Received.Single(e => e.Name == GatewayEventNames.GuildMemberAdd).Data);
        Assert.Equal("Late Guild", created.Deserialize(Platform.Discord.Json.DiscordJsonContext.Default.Guild).Name);
        Assert.Equal(guild.Id.ToString(), added.RootElement.GetProperty("guild_id").GetString());
        Assert.Equal(member.User!.Id.ToString(), added.RootElement.GetProperty("user").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_stream_at_a_rate_keeps_to_its_schedule_and_a_rate_of_zero_is_refused()
    {
        await using var emulator = await TestEmulator.StartAsync("Guilds=1");
        await using var client = await GatewayTestClient.StartAsync(emulator);
        await client.WaitForAsync(events => events.Count == 2);

        var timer = Stopwatch.StartNew();
        await emulator.StreamAsync(50, contentLength: 10, rate: 100);
        var elapsed = timer.Elapsed;
        await client.WaitForAsync(events => events.Count(e => e.Name == GatewayEventNames.MessageCreate) == 50);
        using var refused = await emulator.Control.PostAsJsonAsync(
            "/control/stream",
            new StreamRequest(10, ReusePayload: true, Rate: 0),
            TestEmulator.Json);

        // The 50th of 50 at 100 a second is due 0.49 s after the first; sooner would mean a burst.
        Assert.True(elapsed >= TimeSpan.FromSeconds(0.48), $"50 events at 100/s were sent in {elapsed.TotalSeconds:0.000} s.");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Member_and_role_changes_arrive_only_with_the_intent_that_covers_them()
    {
        await using var emulator = await TestEmulator.StartAsync("Guilds=1");
        await using var guildsOnly = await GatewayTestClient.StartAsync(emulator);
        await guildsOnly.WaitForAsync(events => events.Count == 2);
        var guild = (await emulator.GuildsAsync())[0];
        var member = guild.Members![1].User!.Id;

        await emulator.PatchAsync($"/control/guilds/{guild.Id}/members/{member}", new MemberRolesRequest([guild.Roles![2].Id]));
        await emulator.PatchAsync($"/control/guilds/{guild.Id}/roles/{guild.Roles![1].Id}", new RolePermissionsRequest("0"));
        await emulator.DeleteAsync($"/control/guilds/{guild.Id}/roles/{guild.Roles![2].Id}");
        await emulator.DeleteAsync($"/control/guilds/{guild.Id}/members/{member}");
        await guildsOnly.WaitForAsync(events => events.Any(e => e.Name == GatewayEventNames.GuildRoleDelete));

        Assert.Equal(
            [GatewayEventNames.Ready, GatewayEventNames.GuildCreate, GatewayEventNames.GuildRoleUpdate, GatewayEventNames.GuildRoleDelete],
            guildsOnly.Received.Select(e => e.Name));
        using var roleDelete = JsonDocument.Parse(guildsOnly.Received[^1].Data);
        Assert.Equal(
            (guild.Id.ToString(), guild.Roles![2].Id.ToString()),
            (
                roleDelete.RootElement.GetProperty("guild_id").GetString(),
                roleDelete.RootElement.GetProperty("role_id").GetString()));
        Assert.DoesNotContain(member, (await emulator.GuildsAsync())[0].Members!.Select(m => m.User!.Id));
    }

    [Fact]
    public async Task A_shards_guild_count_follows_joins_departures_and_outages()
    {
        await using var emulator = await TestEmulator.StartAsync("Guilds=3");
        await using var client = await GatewayTestClient.StartAsync(emulator);
        await Eventually.TrueAsync(() => client.Shard.Status is { GuildCount: 3, UnavailableGuildCount: 0 }, "three guilds available");

        var joined = await emulator.PostAsync<Guild>("/control/guilds", new SeedGuildRequest("Joined later"));
        await Eventually.TrueAsync(() => client.Shard.Status.GuildCount == 4, "the joined guild counted");
        var first = (await emulator.GuildsAsync())[0];
        await emulator.PostAsync($"/control/guilds/{first.Id}/outage", new OutageRequest(true));
        await Eventually.TrueAsync(() => client.Shard.Status is { GuildCount: 4, UnavailableGuildCount: 1 }, "the outage counted apart");
        await emulator.PostAsync($"/control/guilds/{first.Id}/outage", new OutageRequest(false));
        await emulator.DeleteAsync($"/control/guilds/{joined.Id}");

        await Eventually.TrueAsync(() => client.Shard.Status is { GuildCount: 3, UnavailableGuildCount: 0 }, "back to three, all available");
    }

    [Fact]
    public async Task Added_gateway_latency_shows_in_the_measured_heartbeat_latency()
    {
        await using var emulator = await TestEmulator.StartAsync("HeartbeatIntervalMs=600");
        await using var client = await GatewayTestClient.StartAsync(emulator);
        await client.WaitForAsync(events => events.Any(e => e.Name == GatewayEventNames.Ready));

        await emulator.FaultAsync(FaultKinds.Latency, ms: 150);

        await Eventually.TrueAsync(() => client.Shard.Status.Latency >= TimeSpan.FromMilliseconds(150), "a heartbeat latency of at least 150 ms");
    }

    [Fact]
    public async Task Added_rest_latency_delays_every_answer()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rest = emulator.RestClient();
        await emulator.PostAsync("/control/rest/latency", new LatencyRequest(200));

        var timer = Stopwatch.StartNew();
        await rest.GetCurrentUserAsync(CancellationToken.None);

        Assert.True(timer.Elapsed >= TimeSpan.FromMilliseconds(200), $"Answered in {timer.Elapsed}.");
    }
}
