using System.Globalization;
using System.Text.Json;

namespace Platform.Discord.Gateway;

/// <summary>The guild a gateway event belongs to, read from its top-level fields without parsing the rest.</summary>
public static class DispatchGuild
{
    public static ulong? Find(GatewayDispatch dispatch)
    {
        var field = dispatch.Name
            is GatewayEventNames.GuildCreate
                or GatewayEventNames.GuildUpdate
                or GatewayEventNames.GuildDelete
            ? "id"u8
            : "guild_id"u8;
        var reader = new Utf8JsonReader(dispatch.Data.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(field);
            reader.Read();
            if (match)
            {
                return
                    reader.TokenType == JsonTokenType.String
                    && ulong.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    ? id
                    : null;
            }

            reader.Skip();
        }

        return null;
    }
}
