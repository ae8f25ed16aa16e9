using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Discord.Gateway;
using Platform.Discord.Json;
using Platform.DiscordEmulator.Gateway;
using Platform.DiscordEmulator.Rest;
using Platform.DiscordEmulator.World;

namespace Platform.DiscordEmulator.Control;

/// <summary>
/// Change guilds, members and roles while the bot runs; the bot hears of each change as it would from
/// Discord, and only where its intents ask for it (member events need GUILD_MEMBERS).
/// </summary>
public static class WorldControlApi
{
    public static IEndpointRouteBuilder MapWorldControlApi(this IEndpointRouteBuilder control)
    {
        control.MapPost(
            "/guilds",
            async (
                SeedGuildRequest request,
                EmulatorWorld world,
                SessionRegistry sessions,
                CancellationToken cancellationToken) =>
            {
                var guild = world.AddGuild(request.Name, request.Channels, request.Roles, request.Members);
                await DispatchAsync(
                    sessions,
                    guild.Id,
                    GatewayEventNames.GuildCreate,
                    JsonSerializer.SerializeToNode(guild, DiscordJsonContext.Default.Guild)!,
                    cancellationToken);
                return TypedResults.Ok(guild);
            });

        control.MapDelete(
            "/guilds/{guildId}",
            async (ulong guildId, EmulatorWorld world, SessionRegistry sessions, CancellationToken cancellationToken) =>
            {
                if (!world.RemoveGuild(guildId))
                {
                    return DiscordErrors.UnknownGuild();
                }

            await DispatchAsync(sessions, guildId, GatewayEventNames.GuildDelete, new JsonObject { ["id"] = Id(guildId) }, cancellationToken);
            return Results.NoContent();
        });

        control.MapPost(
            "/guilds/{guildId}/outage",
            async (
                ulong guildId,
                OutageRequest request,
                EmulatorWorld world,
                SessionRegistry sessions,
                CancellationToken cancellationToken) =>
            {
                if (world.FindGuild(guildId) is not { } guild)
                {
                    return DiscordErrors.UnknownGuild();
                }

                await (
                    request.Unavailable
                        ? DispatchAsync(
                            sessions,
                            guildId,
                            GatewayEventNames.GuildDelete,
                            new JsonObject { ["id"] = Id(guildId), ["unavailable"] = true },
                            cancellationToken)
                        : DispatchAsync(
                            sessions,
                            guildId,
                            GatewayEventNames.GuildCreate,
                            JsonSerializer.SerializeToNode(guild, DiscordJsonContext.Default.Guild)!,
                            cancellationToken));
                return Results.NoContent();
            });

        control.MapPost(
            "/guilds/{guildId}/members",
            async (
                ulong guildId,
                SeedMemberRequest request,
                EmulatorWorld world,
                SessionRegistry sessions,
                CancellationToken cancellationToken) =>
            {
                if (world.AddMember(guildId, request.Username, request.Roles ?? []) is not { } member)
                {
                    return DiscordErrors.UnknownGuild();
                }

                await DispatchAsync(
                    sessions,
                    guildId,
                    GatewayEventNames.GuildMemberAdd,
                    JsonSerializer.SerializeToNode(member, DiscordJsonContext.Default.GuildMember)!,
                    cancellationToken);
                return Results.Ok(member);
            });

        control.MapPatch(
            "/guilds/{guildId}/members/{userId}",
            async (
                ulong guildId,
                ulong userId,
                MemberRolesRequest request,
                EmulatorWorld world,
                SessionRegistry sessions,
                CancellationToken cancellationToken) =>
            {
                if (world.SetMemberRoles(guildId, userId, request.Roles) is not { } member)
                {
                    return DiscordErrors.UnknownMember();
                }

                await DispatchAsync(
                    sessions,
                    guildId,
                    GatewayEventNames.GuildMemberUpdate,
                    JsonSerializer.SerializeToNode(member, DiscordJsonContext.Default.GuildMember)!,
                    cancellationToken);
                return Results.Ok(member);
            });

        control.MapDelete(
            "/guilds/{guildId}/members/{userId}",
            async (
                ulong guildId,
                ulong userId,
                EmulatorWorld world,
                SessionRegistry sessions,
                CancellationToken cancellationToken) =>
            {
                if (world.RemoveMember(guildId, userId) is not { User: { } user })
                {
                    return DiscordErrors.UnknownMember();
                }

                await DispatchAsync(
                    sessions,
                    guildId,
                    GatewayEventNames.GuildMemberRemove,
                    new JsonObject { ["user"] = JsonSerializer.SerializeToNode(user, DiscordJsonContext.Default.User) },
                    cancellationToken);
                return Results.NoContent();
            });

        control.MapPatch(
            "/guilds/{guildId}/roles/{roleId}",
            async (
                ulong guildId,
                ulong roleId,
                RolePermissionsRequest request,
                EmulatorWorld world,
                SessionRegistry sessions,
                CancellationToken cancellationToken) =>
            {
                if (world.SetRolePermissions(guildId, roleId, request.Permissions) is not { } role)
                {
                    return DiscordErrors.UnknownRole();
                }

                await DispatchAsync(
                    sessions,
                    guildId,
                    GatewayEventNames.GuildRoleUpdate,
                    new JsonObject { ["role"] = JsonSerializer.SerializeToNode(role, DiscordJsonContext.Default.Role) },
                    cancellationToken);
                return Results.Ok(role);
            });

        control.MapDelete(
            "/guilds/{guildId}/roles/{roleId}",
            async (
                ulong guildId,
                ulong roleId,
                EmulatorWorld world,
                SessionRegistry sessions,
                CancellationToken cancellationToken) =>
            {
                if (world.DeleteRole(guildId, roleId) is null)
                {
                    return DiscordErrors.UnknownRole();
                }

            await DispatchAsync(sessions, guildId, GatewayEventNames.GuildRoleDelete, new JsonObject { ["role_id"] = Id(roleId) }, cancellationToken);
            return Results.NoContent();
        });

        control.MapPost("/application/owner", (TransferRequest request, EmulatorWorld world) =>
            world.TransferApplication(request.UserId) ? Results.NoContent() : DiscordErrors.UnknownUser());

        control.MapPost("/rest/latency", (LatencyRequest request, RestRateLimits limits) =>
        {
            limits.Latency = TimeSpan.FromMilliseconds(request.Ms);
            return TypedResults.Ok();
        });

        return control;
    }

    /// <summary>Sends the event to the sessions of the guild's shard whose intents cover it, with the guild's id as Discord adds it.</summary>
    private static async Task DispatchAsync(SessionRegistry sessions, ulong guildId, string name, JsonNode data, CancellationToken cancellationToken)
    {
        if (name is not (GatewayEventNames.GuildCreate or GatewayEventNames.GuildDelete))
        {
            data["guild_id"] = Id(guildId);
        }

        var intent = name.StartsWith("GUILD_MEMBER_", StringComparison.Ordinal) ? GatewayIntents.GuildMembers : GatewayIntents.Guilds;
        var payload = JsonSerializer.SerializeToUtf8Bytes(data);
        foreach (var session in sessions.ForGuild(guildId).Where(s => s.Intents.HasFlag(intent)))
        {
            await session.DispatchAsync(name, payload, cancellationToken);
        }
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed record SeedGuildRequest(string Name, int Channels = 3, int Roles = 3, int Members = 10);

public sealed record SeedMemberRequest(string Username, IReadOnlyList<ulong>? Roles = null);

public sealed record MemberRolesRequest(IReadOnlyList<ulong> Roles);

public sealed record RolePermissionsRequest(string Permissions);

/// <param name="Unavailable">True: the guild goes down (GUILD_DELETE with unavailable); false: it is back (GUILD_CREATE).</param>
public sealed record OutageRequest(bool Unavailable);

public sealed record TransferRequest(ulong UserId);

public sealed record LatencyRequest(int Ms);
