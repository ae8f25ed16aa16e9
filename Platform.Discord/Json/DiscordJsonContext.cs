using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Discord.Gateway;
using Platform.Discord.Interactions;
using Platform.Discord.Models;
using Platform.Discord.OAuth2;

namespace Platform.Discord.Json;

/// <summary>
/// Source-generated serialization for every payload: snake_case names, snowflakes as strings,
/// nulls left out. Unknown fields are ignored and unknown enum values kept as numbers, so a
/// payload Discord extends tomorrow still reads today.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SnowflakeConverter)])]
[JsonSerializable(typeof(GatewayPayload<HelloPayload>))]
[JsonSerializable(typeof(GatewayPayload<IdentifyPayload>))]
[JsonSerializable(typeof(GatewayPayload<ResumePayload>))]
[JsonSerializable(typeof(GatewayPayload<int?>))]
[JsonSerializable(typeof(GatewayPayload<bool>))]
[JsonSerializable(typeof(GatewayPayload<ReadyPayload>))]
[JsonSerializable(typeof(GatewayPayload<Guild>))]
[JsonSerializable(typeof(GatewayPayload<Message>))]
[JsonSerializable(typeof(GatewayPayload<JsonElement>))]
[JsonSerializable(typeof(ReadyPayload))]
[JsonSerializable(typeof(GuildMemberRemovePayload))]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(GatewayInfo))]
[JsonSerializable(typeof(Guild))]
[JsonSerializable(typeof(GuildMember))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(UnavailableGuild))]
[JsonSerializable(typeof(GatewayPayload<Interaction>))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(ApplicationCommand))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(MessageContent))]
[JsonSerializable(typeof(IReadOnlyList<InteractionDataOption>))]
[JsonSerializable(typeof(IReadOnlyList<Component>))]
[JsonSerializable(typeof(IReadOnlyList<Role>))]
[JsonSerializable(typeof(IReadOnlyList<Channel>))]
[JsonSerializable(typeof(GatewayPayload<PresenceUpdatePayload>))]
[JsonSerializable(typeof(GatewayPayload<VoiceStateUpdatePayload>))]
[JsonSerializable(typeof(GatewayPayload<RequestGuildMembersPayload>))]
[JsonSerializable(typeof(Application))]
[JsonSerializable(typeof(PartialGuild))]
[JsonSerializable(typeof(IReadOnlyList<PartialGuild>))]
[JsonSerializable(typeof(AccessTokenResponse))]
[JsonSerializable(typeof(CurrentAuthorization))]
[JsonSerializable(typeof(OAuth2ErrorBody))]
[JsonSerializable(typeof(Rest.RateLimitedBody))]
[JsonSerializable(typeof(Rest.DiscordErrorBody))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
