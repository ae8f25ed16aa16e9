using Platform.Discord.Json;
using Platform.DiscordEmulator.Commands;

namespace Platform.DiscordEmulator.Rest;

/// <summary>Application commands: list, and bulk overwrite (which replaces every command of the scope).</summary>
public static class CommandsApi
{
    public static IEndpointRouteBuilder MapCommandsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/applications/{application_id}/commands", (ulong application_id, CommandRegistry registry) =>
            TypedResults.Ok(registry.Get(0)));
        api.MapPut("/applications/{application_id}/commands", (ulong application_id, HttpRequest request, CommandRegistry registry) =>
            OverwriteAsync(application_id, 0, request, registry));

        api.MapGet(
            "/applications/{application_id}/guilds/{guild_id}/commands",
            (ulong application_id, ulong guild_id, CommandRegistry registry) => TypedResults.Ok(registry.Get(guild_id)));
        api.MapPut(
            "/applications/{application_id}/guilds/{guild_id}/commands",
            (ulong application_id, ulong guild_id, HttpRequest request, CommandRegistry registry) =>
                OverwriteAsync(application_id, guild_id, request, registry));

        return api;
    }

    private static async Task<IResult> OverwriteAsync(ulong applicationId, ulong scope, HttpRequest request, CommandRegistry registry)
    {
        var commands = await request.ReadFromJsonAsync(DiscordJsonContext.Default.ListApplicationCommand) ?? [];
        var errors = CommandValidator.Validate(commands);
        return errors.Count > 0
            ? DiscordErrors.InvalidFormBody(errors)
            : Results.Ok(registry.Overwrite(scope, applicationId, commands));
    }
}
