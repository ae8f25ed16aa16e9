using Platform.Discord.Interactions;

namespace Platform.Discord.Rest;

public sealed partial class DiscordRestClient
{
    public Task<List<ApplicationCommand>> GetGlobalCommandsAsync(
        ulong applicationId,
        CancellationToken cancellationToken) =>
        SendAsync(
            RestRoute.Create(HttpMethod.Get, "applications/{application_id}/commands", applicationId),
            Json.ListApplicationCommand,
            cancellationToken);

    /// <summary>Replaces every global command with <paramref name="commands"/>; Discord allows 200 command creations a day.</summary>
    public Task<List<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(
        ulong applicationId,
        IReadOnlyList<ApplicationCommand> commands,
        CancellationToken cancellationToken) =>
        SendAsync(
            RestRoute.Create(HttpMethod.Put, "applications/{application_id}/commands", applicationId),
            Json.ListApplicationCommand,
            cancellationToken,
            Serialize(commands, Json.IReadOnlyListApplicationCommand));

    public Task<List<ApplicationCommand>> GetGuildCommandsAsync(ulong applicationId, ulong guildId, CancellationToken cancellationToken) =>
        SendAsync(RestRoute.Create(HttpMethod.Get, "applications/{application_id}/guilds/{guild_id}/commands", applicationId, guildId),
            Json.ListApplicationCommand, cancellationToken);

    public Task<List<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(
        ulong applicationId,
        ulong guildId,
        IReadOnlyList<ApplicationCommand> commands,
        CancellationToken cancellationToken) =>
        SendAsync(
            RestRoute.Create(
                HttpMethod.Put,
                "applications/{application_id}/guilds/{guild_id}/commands",
                applicationId,
                guildId),
            Json.ListApplicationCommand,
            cancellationToken,
            Serialize(commands, Json.IReadOnlyListApplicationCommand));
}
