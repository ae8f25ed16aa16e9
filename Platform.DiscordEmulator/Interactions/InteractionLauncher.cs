using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Discord.Gateway;
using Platform.Discord.Interactions;
using Platform.Discord.Json;
using Platform.DiscordEmulator.Commands;
using Platform.DiscordEmulator.Control;
using Platform.DiscordEmulator.Gateway;
using Platform.DiscordEmulator.Rest;
using Platform.DiscordEmulator.World;

namespace Platform.DiscordEmulator.Interactions;

/// <summary>Makes a seeded member use the bot: builds the interaction as Discord would and sends INTERACTION_CREATE to the guild's shard.</summary>
public sealed class InteractionLauncher(
    EmulatorWorld world, CommandRegistry commands, InteractionStore store, SessionRegistry sessions, IOptions<EmulatorOptions> options)
{
    /// <returns>The record of the interaction, or the error to answer with when the guild or member is unknown.</returns>
    public async Task<(InteractionRecord? Record, IResult? Error, bool Delivered)> LaunchAsync(
        InvokeRequest request,
        CancellationToken cancellationToken)
    {
        if (world.FindGuild(request.GuildId) is not { } guild)
        {
            return (null, DiscordErrors.UnknownGuild(), false);
        }

        if (guild.Members?.FirstOrDefault(m => m.User?.Id == request.UserId) is not { } member)
        {
            return (null, DiscordErrors.UnknownMember(), false);
        }

        var command = commands.Get(guild.Id).Concat(commands.Get(0)).FirstOrDefault(c => c.Name == request.Name);
        var invokedOptions = request.Options?.Deserialize(
            DiscordJsonContext.Default.IReadOnlyListInteractionDataOption);
        var interaction = new Interaction(
            Snowflakes.Next(),
            options.Value.ApplicationId,
            request.Type,
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)))
        {
            Data = new InteractionData
            {
                Id = command?.Id,
                Name = request.Name,
                Type = request.Type
                    is InteractionType.ApplicationCommand
                        or InteractionType.ApplicationCommandAutocomplete
                    ? request.CommandType
                    : null,
                Options = invokedOptions,
                Resolved = ResolvedData.For(guild, invokedOptions),
                GuildId = command?.GuildId,
                TargetId = request.TargetId,
                CustomId = request.CustomId,
                ComponentType = request.Type == InteractionType.MessageComponent ? request.ComponentType ?? ComponentType.Button : null,
                Values = request.Values,
                Components = request.Components?.Deserialize(DiscordJsonContext.Default.IReadOnlyListComponent),
            },
            GuildId = guild.Id,
            ChannelId = request.ChannelId ?? guild.Channels?.FirstOrDefault()?.Id,
            Member = member with { Permissions = world.PermissionsOf(guild, member) },
            AppPermissions = world.PermissionsOf(guild, null),
            Locale = "en-US",
            GuildLocale = "en-US",
            Entitlements = [],
            AuthorizingIntegrationOwners = new Dictionary<string, ulong> { ["0"] = guild.Id },
            Context = 0,
            AttachmentSizeLimit = 10_485_760,
        };

        var record = store.Add(interaction);
        // As on Discord, a session between connections still gets the event: it is replayed when the
        // bot resumes, so a bot reconnecting at that moment answers a little late instead of never.
        var targets = sessions.ForGuild(guild.Id).ToList();
        var payload = JsonSerializer.SerializeToUtf8Bytes(interaction, DiscordJsonContext.Default.Interaction);
        foreach (var session in targets)
        {
            await session.DispatchAsync(GatewayEventNames.InteractionCreate, payload, cancellationToken);
        }

        return (record, null, targets.Count > 0);
    }
}
