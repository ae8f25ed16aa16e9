using Platform.Discord.Models;

namespace Platform.DiscordEmulator.World;

/// <summary>Changes to guilds while the bot runs, as admins and members make them on Discord.</summary>
public sealed partial class EmulatorWorld
{
    private ulong? applicationOwnerId;

    /// <summary>Who owns the application: the first seeded guild's owner, unless the control API gave it to someone else.</summary>
    public User? ApplicationOwner => applicationOwnerId is { } id ? FindUser(id) : Guilds.Count > 0 ? FindUser(Guilds[0].OwnerId) : null;

    /// <summary>Hands the application to another user, as a transfer or a change of team would; false when nobody has that id.</summary>
    public bool TransferApplication(ulong userId)
    {
        if (FindUser(userId) is null)
        {
            return false;
        }

        applicationOwnerId = userId;
        return true;
    }

    /// <summary>The bot is removed from the guild (kicked, or the guild deleted); false when it is unknown.</summary>
    public bool RemoveGuild(ulong guildId)
    {
        lock (gate)
        {
            if (!guilds.Remove(guildId, out var guild))
            {
                return false;
            }

            foreach (var channel in guild.Channels ?? [])
            {
                channelGuilds.Remove(channel.Id);
            }

            return true;
        }
    }

    /// <summary>Adds a member to a guild, returning it, or null when the guild is unknown.</summary>
    public GuildMember? AddMember(ulong guildId, string username, IReadOnlyList<ulong> roles)
    {
        var member = new GuildMember
        {
            User = new User(Snowflakes.Next(), username) { GlobalName = username },
            Roles = roles,
            JoinedAt = DateTimeOffset.UtcNow,
        };
        return Change<GuildMember>(guildId, guild =>
            (
                guild with
                {
                    Members = [.. guild.Members ?? [], member],
                    MemberCount = (guild.MemberCount ?? 0) + 1,
                },
                member));
    }

    /// <summary>Gives a member new roles; null when the guild or the member is unknown.</summary>
    public GuildMember? SetMemberRoles(ulong guildId, ulong userId, IReadOnlyList<ulong> roles) =>
        Change<GuildMember>(guildId, guild =>
            guild.Members?.FirstOrDefault(m => m.User?.Id == userId) is { } member
                ? (
                    guild with
                    {
                        Members = [.. guild.Members!.Select(m => m == member ? member with { Roles = roles } : m)],
                    },
                    member with
                    {
                        Roles = roles,
                    })
                : null);

    /// <summary>A member leaves or is kicked; null when the guild or the member is unknown.</summary>
    public GuildMember? RemoveMember(ulong guildId, ulong userId) =>
        Change<GuildMember>(guildId, guild => guild.Members?.FirstOrDefault(m => m.User?.Id == userId) is { } member
            ? (guild with { Members = [.. guild.Members!.Where(m => m != member)], MemberCount = (guild.MemberCount ?? 1) - 1 }, member)
            : null);

    /// <summary>Changes a role's permissions; null when the guild or the role is unknown.</summary>
    public Role? SetRolePermissions(ulong guildId, ulong roleId, string permissions) =>
        Change<Role>(guildId, guild =>
            guild.Roles?.FirstOrDefault(r => r.Id == roleId) is { } role
                ? (
                    guild with
                    {
                        Roles = [.. guild.Roles!.Select(r => r == role ? role with { Permissions = permissions } : r)],
                    },
                    role with
                    {
                        Permissions = permissions,
                    })
                : null);

    /// <summary>Deletes a role, taking it from every member as Discord does; null when the guild or the role is unknown.</summary>
    public Role? DeleteRole(ulong guildId, ulong roleId) =>
        Change<Role>(guildId, guild =>
            guild.Roles?.FirstOrDefault(r => r.Id == roleId && r.Id != guildId) is { } role
                ? (
                    guild with
                    {
                        Roles = [.. guild.Roles!.Where(r => r != role)],
                        Members =
                        [
                            .. (guild.Members ?? []).Select(m =>
                                m.Roles?.Contains(roleId) == true
                                    ? m with
                                    {
                                        Roles = [.. m.Roles.Where(id => id != roleId)],
                                    }
                                    : m)],
                    },
                    role)
                : null);

    private T? Change<T>(ulong guildId, Func<Guild, (Guild Guild, T Changed)?> change) where T : class
    {
        lock (gate)
        {
            if (!guilds.TryGetValue(guildId, out var guild) || change(guild) is not { } changed)
            {
                return null;
            }

            guilds[guildId] = changed.Guild;
            return changed.Changed;
        }
    }
}
