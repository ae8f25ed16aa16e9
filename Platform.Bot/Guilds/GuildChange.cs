using System.Text.Json.Serialization;
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
        // Only the row's fields are read: the channels, roles and members of a GUILD_CREATE are skipped, not built.
        var guild = dispatch.Deserialize(GuildChangeJson.Default.GuildFields);
        var row = dispatch.Name == GatewayEventNames.GuildDelete
            ? null
            : new GuildRow(guild.Name ?? "", guild.Icon, guild.OwnerId, guild.MemberCount);
        return new GuildChange(guild.Id, dispatch.ShardId, dispatch.Name, row, guild.Unavailable == true);
    }

    /// <summary>
    /// This change in place of an <paramref name="earlier"/> one not written yet: a GUILD_UPDATE carries no member
    /// count, so the count a GUILD_CREATE brought is kept.
    /// </summary>
    public GuildChange After(GuildChange earlier) =>
        Row is { MemberCount: null } row && earlier.Row is { MemberCount: { } count }
            ? this with { Row = row with { MemberCount = count } }
            : this;
}

internal sealed record GuildRow(string Name, string? Icon, ulong OwnerId, int? MemberCount);

/// <summary>The fields of a guild object (or an unavailable guild) that the <c>guilds</c> table keeps.</summary>
internal sealed record GuildFields(ulong Id, string? Name, string? Icon, ulong OwnerId, int? MemberCount, bool? Unavailable);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, Converters = [typeof(SnowflakeConverter)])]
[JsonSerializable(typeof(GuildFields))]
internal sealed partial class GuildChangeJson : JsonSerializerContext;
