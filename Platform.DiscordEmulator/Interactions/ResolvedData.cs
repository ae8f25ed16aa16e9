using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Discord.Interactions;
using Platform.Discord.Json;
using Platform.Discord.Models;

namespace Platform.DiscordEmulator.Interactions;

/// <summary>
/// The <c>resolved</c> object Discord attaches to a command: the users, members, roles and channels
/// its options name, keyed by id, so that a bot needs no REST call to read them.
/// </summary>
public static class ResolvedData
{
    public static JsonElement? For(Guild guild, IReadOnlyList<InteractionDataOption>? options)
    {
        var users = new JsonObject();
        var members = new JsonObject();
        var roles = new JsonObject();
        var channels = new JsonObject();
        foreach (var option in Leaves(options ?? []))
        {
            if (option.Value is not { ValueKind: JsonValueKind.String } value || !ulong.TryParse(value.GetString(), out var id))
            {
                continue;
            }

            var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (option.Type is ApplicationCommandOptionType.User or ApplicationCommandOptionType.Mentionable
                && guild.Members?.FirstOrDefault(m => m.User?.Id == id) is { User: { } user } member)
            {
                users[key] = JsonSerializer.SerializeToNode(user, DiscordJsonContext.Default.User);
                members[key] = JsonSerializer.SerializeToNode(member with { User = null }, DiscordJsonContext.Default.GuildMember);
            }
            else if (option.Type is ApplicationCommandOptionType.Role or ApplicationCommandOptionType.Mentionable
                && guild.Roles?.FirstOrDefault(r => r.Id == id) is { } role)
            {
                roles[key] = JsonSerializer.SerializeToNode(role, DiscordJsonContext.Default.Role);
            }
            else if (option.Type is ApplicationCommandOptionType.Channel && guild.Channels?.FirstOrDefault(c => c.Id == id) is { } channel)
            {
                channels[key] = JsonSerializer.SerializeToNode(channel, DiscordJsonContext.Default.Channel);
            }
        }

        var resolved = new JsonObject();
        foreach (var (name, entries) in new[] { ("users", users), ("members", members), ("roles", roles), ("channels", channels) })
        {
            if (entries.Count > 0)
            {
                resolved[name] = entries;
            }
        }

        return resolved.Count == 0 ? null : JsonSerializer.SerializeToElement(resolved);
    }

    private static IEnumerable<InteractionDataOption> Leaves(IEnumerable<InteractionDataOption> options) =>
        options.SelectMany(option => option.Options is { } nested ? Leaves(nested) : [option]);
}
