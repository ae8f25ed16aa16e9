using Platform.Discord.Gateway;
using Platform.Discord.Json;
using Platform.Discord.Models;

namespace Platform.Discord.Tests;

/// <summary>The emulator's seeded world, at the size and shape of a bot in thousands of servers.</summary>
public sealed class EmulatorWorldTests
{
    [Theory]
    [InlineData("Uniform")]
    [InlineData("LongTail")]
    public async Task No_two_seeded_guilds_channels_roles_or_users_share_an_id(string sizes)
    {
        await using var emulator = await TestEmulator.StartAsync("Guilds=5000", $"GuildSizes={sizes}");

        var guilds = await emulator.GuildsAsync();
        List<ulong> ids =
        [
            .. guilds.SelectMany(g => (IEnumerable<ulong>)
            [
                g.Id,
                .. g.Channels!.Select(c => c.Id),
                .. g.Roles!.Where(r => r.Id != g.Id).Select(r => r.Id),
                .. g.Members!.Select(m => m.User!.Id),
            ]),
        ];

        Assert.Equal(5000, guilds.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_long_tail_world_is_mostly_guilds_of_tens_of_members_with_a_few_huge_ones_sent_as_large()
    {
        await using var emulator = await TestEmulator.StartAsync("Guilds=2000", "GuildSizes=LongTail");
        await using var client = await GatewayTestClient.StartAsync(emulator);
        await client.WaitForAsync(events => events.Count(e => e.Name == GatewayEventNames.GuildCreate) == 2000);

        var created = client.Received.Where(e => e.Name == GatewayEventNames.GuildCreate)
            .Select(e => (Guild: e.Deserialize(DiscordJsonContext.Default.Guild), Bytes: e.Data.Length))
            .OrderBy(e => e.Guild.MemberCount)
            .ToList();
        var median = created[created.Count / 2];
        var largest = created[^1];

        Assert.InRange(median.Guild.MemberCount!.Value, 10, 99);
        Assert.InRange(median.Bytes, 1_000, 8_000);
        Assert.True(largest.Guild.MemberCount >= 10_000, $"The largest guild has {largest.Guild.MemberCount} members.");
        Assert.True(largest.Bytes > 50_000, $"The largest guild's GUILD_CREATE is {largest.Bytes} bytes.");
        Assert.All(created, e => Assert.Equal(e.Guild.MemberCount > 50, e.Guild.Large));
        Assert.All(created, e => Assert.InRange(e.Guild.Members!.Count, 1, 3));
        Assert.All(created, e => Assert.InRange(e.Guild.Channels!.Count, 1, 500));
        Assert.All(created, e => Assert.InRange(e.Guild.Roles!.Count, 1, 250));
    }
}
