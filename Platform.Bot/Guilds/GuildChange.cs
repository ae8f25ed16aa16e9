using Platform.Discord.Gateway;
using Platform.Discord.Json;

namespace Platform.Bot.Guilds;

/// <summary>
/// What one guild event changes in the <c>guilds</c> table, read when the event arrives: the directory keeps these
/// few fields until they are written, never the event's payload (a large guild's GUILD_CREATE runs to megabytes).
/// </summary>
/// <param name="Row">The guild's fields as created or updated; null when the bot left it.</param>
/// <param name="Unavailable">The guild is only unavailable (an outage), which changes no row.</param>
internal sealed record GuildChange(ulong GuildId, int ShardId, string Event, GuildRow? Row, bool Unavailable)
{
    /// <exception cref="System.Text.Json.JsonException">The event's data cannot be read.</exception>
    public static GuildChange Read(GatewayDispatch dispatch)
    {
        if (dispatch.Name == GatewayEventNames.GuildDelete)
        {
            var gone = dispatch.Deserialize(DiscordJsonContext.Default.UnavailableGuild);
            return new GuildChange(gone.Id, dispatch.ShardId, dispatch.Name, null, gone.Unavailable);
        }

        var guild = dispatch.Deserialize(DiscordJsonContext.Default.Guild);
        var row = new GuildRow(guild.Name, guild.Icon, guild.OwnerId, guild.MemberCount);
        return new GuildChange(guild.Id, dispatch.ShardId, dispatch.Name, row, guild.Unavailable == true);
    }
}

internal sealed record GuildRow(string Name, string? Icon, ulong OwnerId, int? MemberCount);
