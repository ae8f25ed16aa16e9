using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Discord.Gateway;
using Platform.Discord.Json;
using Platform.Discord.Models;
using Platform.DiscordEmulator.World;

namespace Platform.DiscordEmulator.Gateway;

/// <summary>
/// IDENTIFY and RESUME as Discord answers them: the token, intents and shard checked with their
/// close codes, identify pacing per bucket (op 9 when too soon), READY then one GUILD_CREATE per
/// guild of the shard, and resumes only on READY's resume URL.
/// </summary>
public sealed class SessionHandshake(SessionRegistry registry, EmulatorWorld world, IOptions<EmulatorOptions> options)
{
    /// <summary>Discord's <c>large_threshold</c> when IDENTIFY names none.</summary>
    private const int DefaultLargeThreshold = 50;

    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;
    private readonly EmulatorOptions settings = options.Value;

    public async Task<CloseInstruction?> IdentifyAsync(ConnectionState state, IdentifyPayload identify, CancellationToken cancellationToken)
    {
        if (identify.Token != settings.BotToken)
        {
            return new(GatewayCloseCode.AuthenticationFailed, "Authentication failed.");
        }

        if ((identify.Intents & ~GatewayIntents.All) != 0)
        {
            return new(GatewayCloseCode.InvalidIntents, "Invalid intent(s).");
        }

        if ((identify.Intents & GatewayIntents.Privileged & ~settings.EnabledPrivilegedIntents) != 0)
        {
            return new(GatewayCloseCode.DisallowedIntents, "Disallowed intent(s).");
        }

        var (shardId, totalShards) = identify.Shard is [var id, var total] ? (id, total) : (0, 1);
        if (totalShards < 1 || shardId < 0 || shardId >= totalShards)
        {
            return new(GatewayCloseCode.InvalidShard, "Invalid shard.");
        }

        if (totalShards < settings.MinimumShards)
        {
            return new(GatewayCloseCode.ShardingRequired, "Sharding required.");
        }

        if (!registry.TryStartIdentify(shardId, state.ReceivedAt))
        {
            await SendInvalidSessionAsync(state.Connection, resumable: false, cancellationToken);
            return null;
        }

        var session = new EmulatedSession(
            Guid.NewGuid().ToString("N"),
            shardId,
            totalShards,
            identify.Intents,
            settings.ReplayCapacity,
            registry.Faults);
        registry.Add(session);
        registry.Bind(state, session);
        await session.AttachAsync(state.Connection, cancellationToken);

        var guilds = world.GuildsOnShard(shardId, totalShards);
        var ready = new ReadyPayload(10, world.BotUser, [.. guilds.Select(g => new UnavailableGuild(g.Id, true))], session.Id, state.ResumeUrl)
        {
            Shard = [shardId, totalShards],
            Application = new PartialApplication(settings.ApplicationId),
        };
        await session.DispatchAsync(GatewayEventNames.Ready, JsonSerializer.SerializeToUtf8Bytes(ready, Json.ReadyPayload), cancellationToken);
        // Beside the receive loop, as Discord streams them: heartbeats and other IDENTIFYs are read meanwhile, however
        // many guilds the shard has and however slowly the client reads them. They belong to the session, not the
        // connection: a client that drops mid-stream and resumes gets the rest in order.
        _ = SendGuildsAsync(session, guilds, identify.LargeThreshold ?? DefaultLargeThreshold);
        return null;
    }

    private static async Task SendGuildsAsync(EmulatedSession session, IReadOnlyList<Guild> guilds, int largeThreshold)
    {
        foreach (var guild in guilds)
        {
            var created = guild with { Large = guild.MemberCount > largeThreshold };
            var payload = JsonSerializer.SerializeToUtf8Bytes(created, Json.Guild);
            await session.DispatchAsync(GatewayEventNames.GuildCreate, payload, CancellationToken.None);
        }
    }

    // Discord answers a RESUME it cannot honour with op 9 (false), and the client must identify anew.
    public async Task ResumeAsync(ConnectionState state, ResumePayload resume, CancellationToken cancellationToken)
    {
        var session = registry.Find(resume.SessionId);
        if (!state.ResumeEndpoint || session is null || resume.Token != settings.BotToken
            || !await session.ResumeAsync(state.Connection, resume.Seq, cancellationToken))
        {
            await SendInvalidSessionAsync(state.Connection, resumable: false, cancellationToken);
            return;
        }

        registry.Bind(state, session);
    }

    private static Task SendInvalidSessionAsync(EmulatorConnection connection, bool resumable, CancellationToken cancellationToken) =>
        connection.SendAsync(DispatchFrame.InvalidSession(resumable), cancellationToken);
}
