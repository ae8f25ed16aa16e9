using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Platform.Discord.Interactions;
using Platform.Discord.Json;
using Platform.Discord.Models;
using Platform.Discord.Rest;

namespace Platform.Benchmarks;

/// <summary>
/// The parts of an interaction's round trip that are the bot's own and need neither a socket nor a database: its
/// INTERACTION_CREATE read into an <see cref="Interaction"/>, and its answer made into the callback's route and body.
/// The payload is the emulator's <c>/tag get</c>, the one the round-trip benchmark sends.
/// </summary>
[MemoryDiagnoser]
public class InteractionPayloads
{
    private static readonly InteractionResponse Answer = new(InteractionCallbackType.ChannelMessageWithSource)
    {
        Data = new InteractionCallbackData { Content = "Be kind.", AllowedMentions = new AllowedMentions { Parse = [] } },
    };

    private byte[] tagGet = [];

    [GlobalSetup]
    public void Setup() => tagGet = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(TagGet(), DiscordJsonContext.Default.Interaction));

    [Benchmark]
    public Interaction? Read() => JsonSerializer.Deserialize(tagGet, DiscordJsonContext.Default.Interaction);

    [Benchmark]
    public int Callback()
    {
        var route = RestRoute.Create(HttpMethod.Post, RestRoute.InteractionCallbackTemplate, 1500000000000000001UL, Token);
        return route.Path.Length + JsonSerializer.SerializeToUtf8Bytes(Answer, DiscordJsonContext.Default.InteractionResponse).Length;
    }

    // As the emulator's InteractionLauncher makes it: a 64-character token, the member with its permissions, one option.
    private static readonly string Token = new('a', 64);

    private static Interaction TagGet() => new(1500000000000000001, 1600000000000000001, InteractionType.ApplicationCommand, Token)
    {
        Data = new InteractionData
        {
            Id = 1700000000000000001,
            Name = "tag",
            Type = ApplicationCommandType.ChatInput,
            Options =
            [
                new InteractionDataOption("get", ApplicationCommandOptionType.SubCommand)
                {
                    Options =
                    [
                        new InteractionDataOption("name", ApplicationCommandOptionType.String) { Value = JsonSerializer.SerializeToElement("rules") },
                    ],
                },
            ],
        },
        GuildId = 1400000000000000001,
        ChannelId = 1300000000000000001,
        Member = new GuildMember
        {
            User = new User(1100000000000000002, "member2") { GlobalName = "Member 2", Discriminator = "0" },
            Roles = [1800000000000000001],
            JoinedAt = DateTimeOffset.UnixEpoch.AddDays(19_000),
            Permissions = "2248473465835073",
        },
        AppPermissions = "2248473465835073",
        Locale = "en-US",
        GuildLocale = "en-US",
        Entitlements = [],
        AuthorizingIntegrationOwners = new Dictionary<string, ulong> { ["0"] = 1400000000000000001 },
        Context = 0,
        AttachmentSizeLimit = 10_485_760,
    };
}
