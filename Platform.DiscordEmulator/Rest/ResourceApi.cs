using Platform.Discord.Json;
using Platform.Discord.Models;
using Platform.DiscordEmulator.World;

namespace Platform.DiscordEmulator.Rest;

/// <summary>Users, guilds, members, roles, channels and channel messages.</summary>
public static class ResourceApi
{
    public static IEndpointRouteBuilder MapResourceApi(this IEndpointRouteBuilder api)
    {
        // The first seeded guild's owner owns the application too (until the control API transfers it), so a developer
        // signed in as them is the bot's owner.
        api.MapGet("/applications/@me", (EmulatorWorld world) =>
            TypedResults.Ok(new Application(world.BotUser.Id, world.BotUser.Username)
            {
                BotPublic = true,
                Flags = 0,
                Owner = world.ApplicationOwner,
            }));

        api.MapGet("/guilds/{guild_id}", (ulong guild_id, EmulatorWorld world) =>
            world.FindGuild(guild_id) is { } guild ? Results.Ok(guild with { Members = null }) : DiscordErrors.UnknownGuild());

        api.MapGet("/guilds/{guild_id}/members/{user_id}", (ulong guild_id, ulong user_id, EmulatorWorld world) =>
            world.FindGuild(guild_id) is not { } guild ? DiscordErrors.UnknownGuild()
            : guild.Members?.FirstOrDefault(m => m.User?.Id == user_id) is { } member ? Results.Ok(member)
            : DiscordErrors.UnknownMember());

        api.MapGet("/guilds/{guild_id}/roles", (ulong guild_id, EmulatorWorld world) =>
            world.FindGuild(guild_id) is { } guild ? Results.Ok(guild.Roles ?? []) : DiscordErrors.UnknownGuild());

        api.MapGet("/guilds/{guild_id}/channels", (ulong guild_id, EmulatorWorld world) =>
            world.FindGuild(guild_id) is { } guild ? Results.Ok(guild.Channels ?? []) : DiscordErrors.UnknownGuild());

        api.MapGet("/channels/{channel_id}", (ulong channel_id, EmulatorWorld world) =>
            world.FindChannel(channel_id) is { } channel ? Results.Ok(channel) : DiscordErrors.UnknownChannel());

        api.MapPost("/channels/{channel_id}/messages", async (ulong channel_id, HttpRequest request, EmulatorWorld world, MessageLog messages) =>
        {
            if (world.FindChannel(channel_id) is not { } channel)
            {
                return DiscordErrors.UnknownChannel();
            }

            var content = await request.ReadFromJsonAsync(DiscordJsonContext.Default.MessageContent);
            var message = new Message(Snowflakes.Next(), channel_id)
            {
                GuildId = channel.GuildId,
                Author = world.BotUser,
                Content = content?.Content ?? "",
                Embeds = content?.Embeds,
                Components = content?.Components,
                Timestamp = DateTimeOffset.UtcNow,
            };
            return Results.Ok(messages.Add(message));
        });

        return api;
    }
}
