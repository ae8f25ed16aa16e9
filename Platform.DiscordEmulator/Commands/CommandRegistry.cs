using System.Collections.Concurrent;
using Platform.Discord.Interactions;
using Platform.DiscordEmulator.World;

namespace Platform.DiscordEmulator.Commands;

/// <summary>Registered application commands, global and per guild, and how many times each scope was overwritten.</summary>
public sealed class CommandRegistry
{
    private readonly ConcurrentDictionary<ulong, IReadOnlyList<ApplicationCommand>> byScope = new();
    private readonly ConcurrentDictionary<ulong, int> overwrites = new();

    /// <summary>Scope 0 is global; any other is a guild id.</summary>
    public IReadOnlyList<ApplicationCommand> Get(ulong scope) => byScope.GetValueOrDefault(scope) ?? [];

    public IReadOnlyDictionary<ulong, int> Overwrites => overwrites;

    /// <summary>Replaces the scope's commands, keeping the ids of commands that stay (by name and type).</summary>
    public IReadOnlyList<ApplicationCommand> Overwrite(ulong scope, ulong applicationId, IReadOnlyList<ApplicationCommand> commands)
    {
        var existing = Get(scope);
        IReadOnlyList<ApplicationCommand> stored =
        [
            .. commands.Select(command => command with
            {
                Id = existing.FirstOrDefault(e => e.Name == command.Name && e.Type == command.Type)?.Id ?? Snowflakes.Next(),
                ApplicationId = applicationId,
                GuildId = scope == 0 ? null : scope,
                Version = Snowflakes.Next(),
            }),
        ];
        byScope[scope] = stored;
        overwrites.AddOrUpdate(scope, 1, (_, count) => count + 1);
        return stored;
    }
}
