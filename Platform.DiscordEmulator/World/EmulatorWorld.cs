using Microsoft.Extensions.Options;
using Platform.Discord.Models;

namespace Platform.DiscordEmulator.World;

/// <summary>The guilds, channels, roles and members the emulator pretends exist; seeded at start, changed by the control API.</summary>
public sealed class EmulatorWorld
{
    private static readonly DateTimeOffset SeedTime = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly Lock gate = new();
    private readonly List<Guild> guilds = [];

    public EmulatorWorld(IOptions<EmulatorOptions> options)
    {
        var settings = options.Value;
        BotUser = new User(settings.ApplicationId, settings.BotName) { Bot = true, Discriminator = "0" };
        for (var g = 0; g < settings.Guilds; g++)
        {
            guilds.Add(SeedGuild(g, settings));
        }
    }

    public User BotUser { get; }

    public IReadOnlyList<Guild> Guilds
    {
        get
        {
            lock (gate)
            {
                return [.. guilds];
            }
        }
    }

    public IReadOnlyList<Guild> GuildsOnShard(int shardId, int totalShards) =>
        [.. Guilds.Where(guild => Snowflakes.ShardFor(guild.Id, totalShards) == shardId)];

    public Guild AddGuild(Guild guild)
    {
        lock (gate)
        {
            guilds.Add(guild);
        }

        return guild;
    }

    // Consecutive milliseconds put consecutive guilds on consecutive shards.
    private static Guild SeedGuild(int index, EmulatorOptions settings)
    {
        var id = Snowflakes.At(SeedTime.AddMilliseconds(index));
        var owner = new User(Snowflakes.At(SeedTime.AddSeconds(1), index), $"owner{index}") { GlobalName = $"Owner {index}" };
        var roles = Enumerable.Range(0, settings.RolesPerGuild)
            .Select(r => new Role(r == 0 ? id : Snowflakes.At(SeedTime.AddSeconds(2 + index), r), r == 0 ? "@everyone" : $"role-{r}") { Position = r })
            .ToList();
        var channels = Enumerable.Range(0, settings.ChannelsPerGuild)
            .Select(c => new Channel(Snowflakes.At(SeedTime.AddSeconds(100 + index), c), ChannelType.GuildText) { GuildId = id, Name = c == 0 ? "general" : $"channel-{c}", Position = c })
            .ToList();
        var members = Enumerable.Range(0, settings.MembersPerGuild)
            .Select(m => new GuildMember
            {
                User = m == 0 ? owner : new User(Snowflakes.At(SeedTime.AddSeconds(200 + index), m), $"member{index}-{m}") { GlobalName = $"Member {m}" },
                Roles = m % 2 == 0 || roles.Count < 2 ? [] : [roles[1].Id],
                JoinedAt = SeedTime,
            })
            .ToList();

        return new Guild(id, $"Emulated Guild {index}")
        {
            OwnerId = owner.Id,
            MemberCount = members.Count,
            Roles = roles,
            Channels = channels,
            Members = members,
        };
    }
}
