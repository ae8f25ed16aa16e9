namespace Platform.DiscordEmulator.World;

/// <summary>How the seeded guilds' sizes are spread (<c>Emulator:GuildSizes</c>).</summary>
public enum GuildSizes
{
    /// <summary>Every guild has the channels, roles and members the options give.</summary>
    Uniform,

    /// <summary>
    /// Member counts follow a power law (Pareto, shape 1) from <c>MembersPerGuild</c> upwards, as a bot in many
    /// servers sees them: nine in ten guilds under ten times the smallest, one in ten thousand past ten thousand
    /// times it. Channels and roles grow with the square root of the members, up to Discord's limits (500 and 250).
    /// </summary>
    LongTail,
}

/// <summary>One seeded guild's size: its member count, and how many of its objects the world holds.</summary>
/// <param name="Members">Members held as objects (sent in GUILD_CREATE, able to use commands).</param>
/// <param name="MemberCount">The guild's <c>member_count</c>.</param>
public sealed record GuildShape(int Channels, int Roles, int Members, int MemberCount)
{
    public const int MaxChannels = 500;
    public const int MaxRoles = 250;
    public const int MaxMemberCount = 1_000_000;

    /// <summary>At most this many members of a long-tail guild are held as objects: Discord's GUILD_CREATE carries
    /// only a few (the bot, members in voice) unless presences are asked for, and a large guild's come in chunks.</summary>
    public const int HeldMembersOfLongTail = 3;

    /// <summary>A guild of exactly these sizes, with at least the @everyone role and its owner.</summary>
    public static GuildShape Uniform(int channels, int roles, int members) =>
        new(channels, Math.Max(1, roles), Math.Max(1, members), Math.Max(1, members));

    public static GuildShape Of(int index, EmulatorOptions options)
    {
        if (options.GuildSizes == GuildSizes.Uniform)
        {
            return Uniform(options.ChannelsPerGuild, options.RolesPerGuild, options.MembersPerGuild);
        }

        // Seeded by the guild's place, so every run (and every process reading the options) sees the same world.
        var uniform = new Random(index).NextDouble();
        var memberCount = (int)Math.Min(MaxMemberCount, Math.Max(1, options.MembersPerGuild) / (1 - uniform));
        var root = Math.Sqrt(memberCount);
        return new(
            Math.Min(MaxChannels, options.ChannelsPerGuild + (int)(2 * root)),
            Math.Min(MaxRoles, Math.Max(1, options.RolesPerGuild) + (int)root),
            Math.Min(memberCount, HeldMembersOfLongTail),
            memberCount);
    }
}
