using Platform.Discord.Models;

namespace Platform.DiscordEmulator.World;

/// <summary>
/// Builds a seeded guild. Every object of a guild takes its id from the guild's own millisecond (the guild's id has
/// sequence 0, its owner, roles, channels and members the next ones), so ids stay unique however many guilds there are.
/// </summary>
internal static class GuildSeed
{
    public static readonly DateTimeOffset Time = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    // @everyone: view channels, send messages, read history, use commands; role-1: Manage Messages; role-2: Manage Guild.
    private static readonly string[] Permissions = ["2147552256", "8192", "32"];

    // Shared by every guild: a hundred thousand guilds would otherwise hold millions of copies of the same names.
    private static readonly string[] ChannelNames = [.. Enumerable.Range(0, GuildShape.MaxChannels).Select(c => c == 0 ? "general" : $"channel-{c}")];
    private static readonly string[] RoleNames = [.. Enumerable.Range(0, GuildShape.MaxRoles).Select(r => r == 0 ? "@everyone" : $"role-{r}")];

    public static Guild Create(int index, GuildShape shape, ulong id)
    {
        if (shape.Roles + shape.Channels + shape.Members >= 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "A seeded guild holds fewer than 4,096 roles, channels and members in all.");
        }

        var owner = new User(id + 1, $"owner{index}") { GlobalName = $"Owner {index}" };
        var roles = Enumerable.Range(0, shape.Roles)
            .Select(r => new Role(r == 0 ? id : id + 1 + (ulong)r, RoleNames[r])
            {
                Position = r,
                Permissions = Permissions[Math.Min(r, Permissions.Length - 1)],
            })
            .ToList();
        var firstChannel = id + 1 + (ulong)shape.Roles;
        var channels = Enumerable.Range(0, shape.Channels)
            .Select(c => new Channel(firstChannel + (ulong)c, ChannelType.GuildText) { GuildId = id, Name = ChannelNames[c], Position = c })
            .ToList();
        var firstMember = firstChannel + (ulong)shape.Channels;
        var members = Enumerable.Range(0, shape.Members)
            .Select(m => new GuildMember
            {
                User = m == 0 ? owner : new User(firstMember + (ulong)m, $"member{index}-{m}") { GlobalName = $"Member {m}" },
                Roles = m % 2 == 0 || roles.Count < 2 ? [] : [roles[1].Id],
                JoinedAt = Time,
            })
            .ToList();

        return new Guild(id, $"Emulated Guild {index}")
        {
            OwnerId = owner.Id,
            MemberCount = shape.MemberCount,
            Roles = roles,
            Channels = channels,
            Members = members,
        };
    }
}
