using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Platform.Discord.Gateway;
using Platform.Discord.Json;

namespace Platform.Discord.Tests;

/// <summary>Discord's documented payloads read into our models and write back with every documented field.</summary>
public sealed class PayloadTests
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    /// <summary>Per file: the documented JSON to compare against, and what our model writes back for it.</summary>
    private static readonly Dictionary<string, Func<JsonNode, (JsonNode Documented, JsonNode? Written)>> Models = new()
    {
        ["application.json"] = node => RoundTrip(node, Json.Application),
        ["application_command_chat_input.json"] = node => RoundTrip(node, Json.ApplicationCommand),
        ["channel_guild_text.json"] = node => RoundTrip(node, Json.Channel),
        ["error_form_body_array.json"] = node => RoundTrip(node, Json.DiscordErrorBody),
        ["error_form_body_object.json"] = node => RoundTrip(node, Json.DiscordErrorBody),
        ["error_form_body_request.json"] = node => RoundTrip(node, Json.DiscordErrorBody),
        ["error_json_example.json"] = node => RoundTrip(node, Json.DiscordErrorBody),
        ["gateway_event_envelope.json"] = node => RoundTrip(node, Json.GatewayPayloadJsonElement),
        ["guild.json"] = node => RoundTrip(node, Json.Guild),
        ["guild_member.json"] = node => RoundTrip(node, Json.GuildMember),
        ["interaction_create_message_command.json"] = node => RoundTrip(node, Json.Interaction),
        ["interaction_create_slash_command.json"] = node => RoundTrip(node, Json.Interaction),
        ["interaction_create_user_command.json"] = node => RoundTrip(node, Json.Interaction),
        ["message.json"] = node => RoundTrip(node, Json.Message),
        ["oauth2_access_token_response.json"] = node => RoundTrip(node, Json.AccessTokenResponse),
        ["oauth2_client_credentials_token_response.json"] = node => RoundTrip(node, Json.AccessTokenResponse),
        ["oauth2_current_authorization.json"] = node => RoundTrip(node, Json.CurrentAuthorization),
        ["op10_hello.json"] = node => RoundTrip(node, Json.GatewayPayloadHelloPayload),
        ["op11_heartbeat_ack.json"] = node => RoundTrip(node, Json.GatewayPayloadNullableInt32),
        ["op1_heartbeat.json"] = node => RoundTrip(node, Json.GatewayPayloadNullableInt32),
        ["op2_identify_full.json"] = node => RoundTrip(node, Json.GatewayPayloadIdentifyPayload),
        ["op2_identify_minimal.json"] = node => RoundTrip(node, Json.GatewayPayloadIdentifyPayload),
        ["op3_presence_update.json"] = node => RoundTrip(node, Json.GatewayPayloadPresenceUpdatePayload),
        ["op4_voice_state_update.json"] = node => RoundTrip(node, Json.GatewayPayloadVoiceStateUpdatePayload),
        ["op6_resume.json"] = node => RoundTrip(node, Json.GatewayPayloadResumePayload),
        ["op7_reconnect.json"] = node => RoundTrip(node, Json.GatewayPayloadNullableInt32),
        ["op8_request_guild_members.json"] = node => RoundTrip(node, Json.GatewayPayloadRequestGuildMembersPayload),
        ["op9_invalid_session.json"] = node => RoundTrip(node, Json.GatewayPayloadBoolean),
        ["partial_guild_users_me_guilds_item.json"] = node => RoundTrip(node, Json.PartialGuild),
        ["rest_429_global.json"] = node => RoundTrip(node["body"]!, Json.RateLimitedBody),
        ["rest_429_shared_resource.json"] = node => RoundTrip(node["body"]!, Json.RateLimitedBody),
        ["rest_429_user.json"] = node => RoundTrip(node["body"]!, Json.RateLimitedBody),
        ["rest_get_gateway.json"] = node => RoundTrip(node, Json.GatewayInfo),
        ["rest_get_gateway_bot.json"] = node => RoundTrip(node, Json.GatewayBotInfo),
        ["role.json"] = node => RoundTrip(node, Json.Role),
        ["unavailable_guild.json"] = node => RoundTrip(node, Json.UnavailableGuild),
        ["user.json"] = node => RoundTrip(node, Json.User),
        ["guild_create_dispatch.json"] = node => RoundTrip(node, Json.GatewayPayloadGuild),
        ["interaction_create_dispatch.json"] = node => RoundTrip(node, Json.GatewayPayloadInteraction),
        ["ready_dispatch.json"] = node => RoundTrip(node, Json.GatewayPayloadReadyPayload),
        ["http_interaction_ping.json"] = node => RoundTrip(node["body"]!, Json.Interaction),
    };

    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "payloads");

    public static TheoryData<string> Files => new(PayloadFiles());

    private static IEnumerable<string> PayloadFiles() => System.IO.Directory.EnumerateFiles(Directory, "*.json", SearchOption.AllDirectories)
        .Select(path => Path.GetRelativePath(Directory, path))
        .Where(name => name is not "MANIFEST.json")
        .Order();

    [Theory]
    [MemberData(nameof(Files))]
    public void A_documented_payload_reads_into_its_model_and_writes_back_every_documented_field(string file)
    {
        var original = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, file)))!;
        Assert.True(Models.TryGetValue(Path.GetFileName(file), out var roundTrip), $"No model is mapped for {file}.");

        var (documented, written) = roundTrip(original);

        AssertContains(documented, written, "$");
    }

    [Fact]
    public void The_documented_applications_owners_are_its_teams_accepted_members_else_its_owner()
    {
        var path = System.IO.Directory.EnumerateFiles(Directory, "application.json", SearchOption.AllDirectories).Single();
        var application = JsonSerializer.Deserialize(File.ReadAllText(path), Json.Application)!;

        Assert.Equal([511972282709709995UL], application.OwnerIds);
        Assert.Equal([172150183260323840UL], (application with { Team = null }).OwnerIds);
    }

    [Fact]
    public void A_heartbeat_before_the_first_dispatch_carries_d_null_rather_than_no_d()
    {
        var heartbeat = JsonSerializer.Serialize(
            new GatewayPayload<int?>(GatewayOpCode.Heartbeat, null), DiscordJsonContext.Default.GatewayPayloadNullableInt32);

        Assert.Equal("""{"op":1,"d":null}""", heartbeat);
    }

    [Fact]
    public void Every_payload_file_is_covered()
    {
        Assert.Equal(PayloadFiles().Select(Path.GetFileName).Order(), Models.Keys.Order());
    }

    private static (JsonNode Documented, JsonNode? Written) RoundTrip<T>(JsonNode node, JsonTypeInfo<T> typeInfo) =>
        (node, JsonSerializer.SerializeToNode(node.Deserialize(typeInfo)!, typeInfo));

    /// <summary>Every field of <paramref name="expected"/> (but annotations and nulls) is in <paramref name="actual"/> with the same value.</summary>
    private static void AssertContains(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case null:
                return;
            case JsonObject fields:
                foreach (var (name, value) in fields)
                {
                    if (name.StartsWith('_') || value is null)
                    {
                        continue;
                    }

                    Assert.True(actual is JsonObject written && written.ContainsKey(name), $"{path}.{name} was lost.");
                    AssertContains(value, actual![name], $"{path}.{name}");
                }

                return;
            case JsonArray items:
                var writtenItems = Assert.IsType<JsonArray>(actual);
                Assert.Equal(items.Count, writtenItems.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    AssertContains(items[i], writtenItems[i], $"{path}[{i}]");
                }

                return;
            default:
                Assert.True(SameValue(expected, actual!), $"{path} was {expected.ToJsonString()} and came back as {actual?.ToJsonString()}.");
                return;
        }
    }

    private static bool SameValue(JsonNode expected, JsonNode actual) =>
        JsonNode.DeepEquals(expected, actual)
        || (expected.GetValueKind() == JsonValueKind.String && actual.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(expected.GetValue<string>(), CultureInfo.InvariantCulture, out var a)
            && DateTimeOffset.TryParse(actual.GetValue<string>(), CultureInfo.InvariantCulture, out var b) && a == b);
}
