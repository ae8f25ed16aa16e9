using Platform.Discord.Gateway;
using Microsoft.Extensions.Options;
using Platform.Discord.Models;

namespace Platform.DiscordEmulator.World;

/// <summary>The guilds, channels, roles and members the emulator pretends exist; seeded at start, changed by the control API.</summary>
public sealed partial class EmulatorWorld
{
    private static readonly DateTimeOffset SeedTime = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    // @everyone: view channels, send messages, read history, use commands; role-1: Manage Messages; role-2: Manage Guild.
    private static readonly string[] SeedPermissions = ["2147552256", "8192", "32"];

    private readonly Lock gate = new();
    private readonly List<Guild> guilds = [];

    public EmulatorWorld(IOptions<EmulatorOptions> options)
    {
        var settings = options.Value;
        BotUser = new User(settings.ApplicationId, settings.BotName) { Bot = true, Discriminator = "0" };
        for (var g = 0; g < settings.Guilds; g++)
        {
            guilds.Add(SeedGuild(g, settings, Snowflakes.At(SeedTime.AddMilliseconds(g))));
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
        [.. Guilds.Where(guild => ShardRouting.ShardFor(guild.Id, totalShards) == shardId)];

    public Guild? FindGuild(ulong id) => Guilds.FirstOrDefault(guild => guild.Id == id);

    public Channel? FindChannel(ulong id) =>
        Guilds.SelectMany(guild => guild.Channels ?? []).FirstOrDefault(channel => channel.Id == id);

    /// <summary>A member's guild-level permissions as Discord computes them (null: the bot's own); the owner has all.</summary>
    public string PermissionsOf(Guild guild, GuildMember? member)
    {
        const ulong All = (1UL << 51) - 1;
        var permissions = RolePermissionsOf(guild, member);
        return (member?.User?.Id == guild.OwnerId || (permissions & (ulong)Permissions.Administrator) != 0 ? All : permissions)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// What the member's roles grant, without what owning the guild or Administrator imply: the figure
    /// GET /users/@me/guilds reports, so an owner may show no Manage Guild there.
    /// </summary>
    public static ulong RolePermissionsOf(Guild guild, GuildMember? member)
    {
        var roles = guild.Roles ?? [];
        var held = member?.Roles ?? [.. roles.Where(r => r.Managed).Select(r => r.Id)];
        return roles.Where(r => r.Id == guild.Id || held.Contains(r.Id))
            .Aggregate(0UL, (total, role) => total | ulong.Parse(role.Permissions, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Every member of every guild, once each: who can sign in on the authorize page.</summary>
    public IReadOnlyList<User> Users =>
        [.. Guilds.SelectMany(guild => guild.Members ?? []).Select(member => member.User).OfType<User>().DistinctBy(user => user.Id)];

    public User? FindUser(ulong id) => Users.FirstOrDefault(user => user.Id == id);

    /// <summary>The guilds a user is in, as GET /users/@me/guilds lists them.</summary>
    public IReadOnlyList<PartialGuild> GuildsOf(ulong userId) =>
    [
        .. from guild in Guilds
           let member = guild.Members?.FirstOrDefault(m => m.User?.Id == userId)
           where member is not null
           select new PartialGuild(guild.Id, guild.Name)
           {
               Icon = guild.Icon,
               Owner = guild.OwnerId == userId,
               Permissions = RolePermissionsOf(guild, member).ToString(System.Globalization.CultureInfo.InvariantCulture),
           },
    ];

    /// <summary>Adds a guild seeded like the start-up ones (the bot joins it).</summary>
    public Guild AddGuild(string name, int channels, int roles, int members)
    {
        lock (gate)
        {
            var settings = new EmulatorOptions
            {
                ChannelsPerGuild = channels,
                RolesPerGuild = Math.Max(1, roles),
                MembersPerGuild = Math.Max(1, members),
            };
            var guild = SeedGuild(guilds.Count, settings, Snowflakes.Next()) with { Name = name };
            guilds.Add(guild);
            return guild;
        }
    }

    // Seeded ids a millisecond apart put consecutive guilds on consecutive shards.
    private static Guild SeedGuild(int index, EmulatorOptions settings, ulong id)
    {
        var owner = new User(Snowflakes.At(SeedTime.AddSeconds(1), index), $"owner{index}") { GlobalName = $"Owner {index}" };
        var roles = Enumerable.Range(0, settings.RolesPerGuild)
            .Select(r => new Role(r == 0 ? id : Snowflakes.At(SeedTime.AddSeconds(2 + index), r), r == 0 ? "@everyone" : $"role-{r}")
            {
                Position = r,
                Permissions = SeedPermissions[Math.Min(r, SeedPermissions.Length - 1)],
            })
            .ToList();
        var channels = Enumerable
            .Range(0, settings.ChannelsPerGuild)
            .Select(c => new Channel(Snowflakes.At(SeedTime.AddSeconds(100 + index), c), ChannelType.GuildText)
            {
                GuildId = id,
                Name = c == 0 ? "general" : $"channel-{c}",
                Position = c,
            })
            .ToList();
        var members = Enumerable.Range(0, settings.MembersPerGuild)
            .Select(m => new GuildMember
            {
                User =
                    m == 0
                        ? owner
                        : new User(Snowflakes.At(SeedTime.AddSeconds(200 + index), m), $"member{index}-{m}")
                        {
                            GlobalName = $"Member {m}",
                        },
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
