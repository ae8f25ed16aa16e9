using System.Globalization;
using System.Text.Json;
using Platform.Discord.Interactions;
using Platform.Discord.Json;
using Platform.Discord.Models;

namespace Platform.Modules.Catalog;

/// <summary>Reads the invoked options into the handler's parameters; what cannot be read is the member's to fix, not a crash.</summary>
internal static class OptionBinder
{
    public static object?[] Bind(CommandInfo command, InvokedCommand invoked, Interaction interaction, CancellationToken cancellationToken)
    {
        var arguments = new object?[command.Parameters.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            if (command.OptionsByPosition[i] is not { } option)
            {
                arguments[i] = cancellationToken;
                continue;
            }

            var given = invoked.Options.FirstOrDefault(o => o.Name == option.Name);
            arguments[i] = given?.Value is { } value
                ? Convert(option, value, interaction)
                : option.Required ? throw new OptionBindingException($"`{option.Name}` is required.")
                : option.Parameter.HasDefaultValue ? option.Parameter.DefaultValue : null;
        }

        return arguments;
    }

    private static object? Convert(OptionInfo option, JsonElement value, Interaction interaction)
    {
        try
        {
            return option.ValueType switch
            {
                var t when t == typeof(string) => value.GetString(),
                var t when t == typeof(long) => value.GetInt64(),
                var t when t == typeof(int) => value.GetInt32(),
                var t when t == typeof(double) => value.GetDouble(),
                var t when t == typeof(bool) => value.GetBoolean(),
                _ => Resolve(option, ulong.Parse(value.GetString()!, CultureInfo.InvariantCulture), interaction),
            };
        }
        catch (Exception error) when (error is FormatException or InvalidOperationException or OverflowException or ArgumentNullException)
        {
            throw new OptionBindingException($"`{option.Name}` does not hold a valid {option.Type.ToString().ToLowerInvariant()}.");
        }
    }

    // Discord sends the users, members, roles and channels that options name in "resolved", keyed by id.
    private static object Resolve(OptionInfo option, ulong id, Interaction interaction)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        var resolved = interaction.Data?.Resolved;
        JsonElement Entry(string collection) =>
            resolved is { } r && r.TryGetProperty(collection, out var entries) && entries.TryGetProperty(key, out var entry)
                ? entry
                : throw new OptionBindingException($"`{option.Name}` names something Discord did not describe; try again.");

        if (option.ValueType == typeof(User))
        {
            return Entry("users").Deserialize(DiscordJsonContext.Default.User)!;
        }

        if (option.ValueType == typeof(GuildMember))
        {
            var member = Entry("members").Deserialize(DiscordJsonContext.Default.GuildMember)!;
            return member with { User = Entry("users").Deserialize(DiscordJsonContext.Default.User) };
        }

        return option.ValueType == typeof(Role)
            ? Entry("roles").Deserialize(DiscordJsonContext.Default.Role)!
            : Entry("channels").Deserialize(DiscordJsonContext.Default.Channel)!;
    }
}

/// <summary>An option the member gave that the handler cannot take; its message goes back to the member.</summary>
internal sealed class OptionBindingException(string message) : Exception(message);
