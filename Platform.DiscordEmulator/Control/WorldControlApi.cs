using System.Text.Json;
using Platform.Discord.Gateway;
using Platform.Discord.Json;
using Platform.DiscordEmulator.Gateway;
using Platform.DiscordEmulator.Rest;
using Platform.DiscordEmulator.World;

namespace Platform.DiscordEmulator.Control;

/// <summary>Seed guilds and members while the bot runs; the bot hears of them as it would from Discord.</summary>
public static class WorldControlApi
{
    public static IEndpointRouteBuilder MapWorldControlApi(this IEndpointRouteBuilder control)
    {
        control.MapPost("/guilds", async (SeedGuildRequest request, EmulatorWorld world, SessionRegistry sessions, CancellationToken cancellationToken) =>
        {
            var guild = world.AddGuild(request.Name, request.Channels, request.Roles, request.Members);
            await DispatchToGuildShardAsync(sessions, guild.Id, GatewayEventNames.GuildCreate,
                JsonSerializer.SerializeToUtf8Bytes(guild, DiscordJsonContext.Default.Guild), cancellationToken);
            return TypedResults.Ok(guild);
        });

        control.MapPost("/guilds/{guildId}/members", async (ulong guildId, SeedMemberRequest request, EmulatorWorld world, SessionRegistry sessions, CancellationToken cancellationToken) =>
        {
            if (world.AddMember(guildId, request.Username, request.Roles ?? []) is not { } member)
            {
                return DiscordErrors.UnknownGuild();
            }

            var added = JsonSerializer.SerializeToNode(member, DiscordJsonContext.Default.GuildMember)!.AsObject();
            added["guild_id"] = guildId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await DispatchToGuildShardAsync(sessions, guildId, GatewayEventNames.GuildMemberAdd, JsonSerializer.SerializeToUtf8Bytes(added), cancellationToken);
            return Results.Ok(member);
        });

        control.MapPost("/rest/latency", (LatencyRequest request, RestRateLimits limits) =>
        {
            limits.Latency = TimeSpan.FromMilliseconds(request.Ms);
            return TypedResults.Ok();
        });

        return control;
    }

    private static async Task DispatchToGuildShardAsync(SessionRegistry sessions, ulong guildId, string name, byte[] data, CancellationToken cancellationToken)
    {
        foreach (var session in sessions.ForGuild(guildId))
        {
            await session.DispatchAsync(name, data, cancellationToken);
        }
    }
}

public sealed record SeedGuildRequest(string Name, int Channels = 3, int Roles = 3, int Members = 10);

public sealed record SeedMemberRequest(string Username, IReadOnlyList<ulong>? Roles = null);

public sealed record LatencyRequest(int Ms);
