using Platform.Discord.Interactions;
using Platform.Discord.Models;

namespace Platform.Modules;

/// <summary>Who did what where: what a handler knows about the interaction it answers.</summary>
public sealed class InteractionContext(Interaction interaction, int shardId, IServiceProvider services, CancellationToken cancellationToken)
{
    public Interaction Interaction { get; } = interaction;

    public int ShardId { get; } = shardId;

    /// <summary>The interaction's own DI scope: its services, including its own <c>PlatformDbContext</c>.</summary>
    public IServiceProvider Services { get; } = services;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public ulong? GuildId => Interaction.GuildId;

    public ulong? ChannelId => Interaction.ChannelId;

    public User User => Interaction.Invoker ?? throw new InvalidOperationException("The interaction carries no user.");

    public GuildMember? Member => Interaction.Member;

    /// <summary>The member's permissions in the channel, as Discord computed them.</summary>
    public Permissions Permissions => PermissionsParser.Parse(Interaction.Member?.Permissions);

    /// <summary>The guild id, for handlers of commands that only exist in guilds.</summary>
    public ulong RequireGuildId() => GuildId ?? throw new InvalidOperationException("This interaction did not come from a guild.");
}
