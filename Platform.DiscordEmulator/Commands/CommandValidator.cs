using System.Text.RegularExpressions;
using Platform.Discord.Interactions;

namespace Platform.DiscordEmulator.Commands;

/// <summary>Discord's limits on command definitions; a breach is answered with 50035 Invalid Form Body.</summary>
public static partial class CommandValidator
{
    public static Dictionary<string, string> Validate(IReadOnlyList<ApplicationCommand> commands)
    {
        var errors = new Dictionary<string, string>();
        if (commands.Count(c => c.Type == ApplicationCommandType.ChatInput) > 100)
        {
            errors["_errors"] = "Maximum number of application commands reached (100).";
        }

        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            if (command.Type == ApplicationCommandType.ChatInput && !ChatInputName().IsMatch(command.Name))
            {
                errors[$"{i}.name"] = "Command name is invalid: 1-32 lowercase letters, digits, - or _.";
            }

            if (command.Type == ApplicationCommandType.ChatInput && command.Description.Length is < 1 or > 100)
            {
                errors[$"{i}.description"] = "Must be between 1 and 100 in length.";
            }

            if (command.Options?.Count > 25)
            {
                errors[$"{i}.options"] = "Must be 25 or fewer in length.";
            }
        }

        return errors;
    }

    [GeneratedRegex(@"^[-_\p{Ll}\p{N}]{1,32}$")]
    private static partial Regex ChatInputName();
}
