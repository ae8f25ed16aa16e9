using System.Text.Json;

namespace Platform.Discord.Gateway;

/// <summary>
/// The names of common dispatch events, so that reading one allocates no new string on a busy
/// connection. Names not listed are read normally.
/// </summary>
public static class GatewayEventNames
{
    public const string Ready = "READY";
    public const string Resumed = "RESUMED";
    public const string GuildCreate = "GUILD_CREATE";
    public const string GuildUpdate = "GUILD_UPDATE";
    public const string GuildDelete = "GUILD_DELETE";
    public const string MessageCreate = "MESSAGE_CREATE";
    public const string MessageUpdate = "MESSAGE_UPDATE";
    public const string MessageDelete = "MESSAGE_DELETE";
    public const string InteractionCreate = "INTERACTION_CREATE";
    public const string GuildMemberAdd = "GUILD_MEMBER_ADD";
    public const string GuildMemberUpdate = "GUILD_MEMBER_UPDATE";
    public const string GuildMemberRemove = "GUILD_MEMBER_REMOVE";
    public const string GuildRoleUpdate = "GUILD_ROLE_UPDATE";
    public const string GuildRoleDelete = "GUILD_ROLE_DELETE";
    public const string PresenceUpdate = "PRESENCE_UPDATE";
    public const string TypingStart = "TYPING_START";
    public const string MessageReactionAdd = "MESSAGE_REACTION_ADD";

    private static readonly string[] Known =
    [
        Ready, Resumed, GuildCreate, GuildUpdate, GuildDelete, MessageCreate, MessageUpdate, MessageDelete,
        InteractionCreate, GuildMemberAdd, GuildMemberUpdate, GuildMemberRemove, GuildRoleUpdate, GuildRoleDelete, PresenceUpdate, TypingStart,
        MessageReactionAdd,
    ];

    private static readonly byte[][] KnownUtf8 = [.. Known.Select(System.Text.Encoding.UTF8.GetBytes)];

    internal static string Intern(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < KnownUtf8.Length; i++)
        {
            if (reader.ValueTextEquals(KnownUtf8[i]))
            {
                return Known[i];
            }
        }

        return reader.GetString()!;
    }
}
