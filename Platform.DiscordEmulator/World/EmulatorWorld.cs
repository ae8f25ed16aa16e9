using Microsoft.Extensions.Options;
using Platform.Discord.Gateway;
using Platform.Discord.Models;

namespace Platform.DiscordEmulator.World;

/// <summary>The guilds, channels, roles and members the emulator pretends exist; seeded at start, changed by the control API.</summary>
public sealed partial class EmulatorWorld
{
    private readonly Lock gate = new();

    // Guilds by id in the order they were added, and which guild each channel is in: lookups stay O(1) with a
    // hundred thousand guilds.
    private readonly OrderedDictionary<ulong, Guild> guilds = [];
    private readonly Dictionary<ulong, ulong> channelGuilds = [];

    public EmulatorWorld(IOptions<EmulatorOptions> options)
    {
        var settings = options.Value;
        BotUser = new User(settings.ApplicationId, settings.BotName) { Bot = true, Discriminator = "0" };
        for (var g = 0; g < settings.Guilds; g++)
        {
            // A millisecond apart, as Discord's would be: consecutive guilds land on consecutive shards.
            Add(GuildSeed.Create(g, GuildShape.Of(g, settings), Snowflakes.At(GuildSeed.Time.AddMilliseconds(g))));
        }
    }

    public User BotUser { get; }

    public IReadOnlyList<Guild> Guilds
    {
        get
        {
            lock (gate)
            {
                return [.. guilds.Values];
            }
        }
    }

    public IReadOnlyList<Guild> GuildsOnShard(int shardId, int totalShards)
    {
        lock (gate)
        {
            return [.. guilds.Values.Where(guild => ShardRouting.ShardFor(guild.Id, totalShards) == shardId)];
        }
    }

    public Guild? FindGuild(ulong id)
    {
        lock (gate)
        {
            return guilds.GetValueOrDefault(id);
        }
    }

    public Channel? FindChannel(ulong id)
    {
        lock (gate)
        {
            return channelGuilds.TryGetValue(id, out var guildId) ? guilds[guildId].Channels?.FirstOrDefault(c => c.Id == id) : null;
        }
    }

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
            var shape = GuildShape.Uniform(channels, roles, members);
            var guild = GuildSeed.Create(guilds.Count, shape, Snowflakes.NextMillisecond()) with { Name = name };
            Add(guild);
            return guild;
        }
    }

    private void Add(Guild guild)
    {
        guilds.Add(guild.Id, guild);
        foreach (var channel in guild.Channels ?? [])
        {
            channelGuilds.Add(channel.Id, guild.Id);
        }
    }
}
