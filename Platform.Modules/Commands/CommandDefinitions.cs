using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Discord.Interactions;
using Platform.Discord.Json;
using Platform.Modules.Catalog;

namespace Platform.Modules.Commands;

/// <summary>Turns the catalog's commands into what Discord registers, checks Discord's rules first, and fingerprints the set.</summary>
internal static partial class CommandDefinitions
{
    private const int MaxOptions = 25;

    /// <summary>Commands as bulk overwrite sends them: one per top-level name, subcommands nested, in a stable order.</summary>
    public static IReadOnlyList<ApplicationCommand> Build(IEnumerable<CommandInfo> commands) =>
        [
            .. commands
                .GroupBy(c => c.Groups.Count > 0 ? c.Groups[0].Name : c.Name, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(top =>
                    top.First() is { Groups.Count: 0 } single
                        ? new ApplicationCommand(single.Name, single.Description)
                        {
                            Options = Nullify(single.Options.Select(o => o.Definition)),
                            Contexts = GuildOnly,
                        }
                        : new ApplicationCommand(top.Key, top.First().Groups[0].Description)
                        {
                            Options = Nullify(Subcommands(top)),
                            Contexts = GuildOnly,
                        })];

    /// <summary>A fingerprint of the set: equal sets hash equal, so an unchanged set needs no registration.</summary>
    public static string Hash(IReadOnlyList<ApplicationCommand> commands) =>
        Convert.ToHexStringLower(
            SHA256.HashData(
                JsonSerializer.SerializeToUtf8Bytes(
                    commands,
                    DiscordJsonContext.Default.IReadOnlyListApplicationCommand)));

    /// <summary>Every module command runs in guilds only, where modules are switched on and off.</summary>
    private static readonly IReadOnlyList<int> GuildOnly = [0];

    internal static void Validate(IEnumerable<CommandInfo> commands)
    {
        foreach (var command in commands)
        {
            foreach (var (name, description) in command.Groups.Select(g => (g.Name, g.Description))
                .Append((command.Name, command.Description)).Concat(command.Options.Select(o => (o.Name, o.Description))))
            {
                Require(CommandName().IsMatch(name), $"/{command.Path}: '{name}' must be 1-32 lowercase letters, digits, '-' or '_'.");
                Require(description.Length is >= 1 and <= 100, $"/{command.Path}: the description of '{name}' must be 1-100 characters.");
            }

            Require(
                command.Options.Count <= MaxOptions,
                $"/{command.Path} has {command.Options.Count} options; Discord allows {MaxOptions}.");
            Require(
                !command.Options.SkipWhile(o => o.Required).Any(o => o.Required),
                $"/{command.Path}: required options must come before optional ones.");
            Require(
                command.Options.Select(o => o.Name).Distinct().Count() == command.Options.Count,
                $"/{command.Path} has two options of one name.");
        }

        foreach (var top in commands.GroupBy(c => c.Groups.Count > 0 ? c.Groups[0].Name : c.Name))
        {
            Require(top.All(c => c.Groups.Count > 0) || top.Count() == 1, $"/{top.Key} is both a command and a group of subcommands.");
            Require(top.Count() <= MaxOptions, $"/{top.Key} has more than {MaxOptions} subcommands.");
        }
    }

    private static IEnumerable<ApplicationCommandOption> Subcommands(IEnumerable<CommandInfo> commands) =>
        commands
            .Where(c => c.Groups.Count == 1)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.ToSubcommand())
            .Concat(
                commands
                    .Where(c => c.Groups.Count == 2)
                    .GroupBy(c => c.Groups[1].Name, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(group => new ApplicationCommandOption(
                        ApplicationCommandOptionType.SubCommandGroup,
                        group.Key,
                        group.First().Groups[1].Description)
                    {
                        Options = [.. group.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.ToSubcommand())],
                    }));

    private static IReadOnlyList<ApplicationCommandOption>? Nullify(IEnumerable<ApplicationCommandOption> options) =>
        options.ToList() is { Count: > 0 } list ? list : null;

    private static void Require(bool rule, string message)
    {
        if (!rule)
        {
            throw new ModuleDefinitionException(message);
        }
    }

    [GeneratedRegex("^[-_a-z0-9]{1,32}$")]
    private static partial Regex CommandName();
}
