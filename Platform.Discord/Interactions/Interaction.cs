using System.Text.Json;
using Platform.Discord.Models;

namespace Platform.Discord.Interactions;

/// <summary>An interaction as INTERACTION_CREATE and the HTTP endpoint deliver it.</summary>
public sealed record Interaction(ulong Id, ulong ApplicationId, InteractionType Type, string Token) : DiscordObject
{
    public InteractionData? Data { get; init; }
    public ulong? GuildId { get; init; }
    public ulong? ChannelId { get; init; }
    /// <summary>Set in guilds, with the member's permissions in the channel.</summary>
    public GuildMember? Member { get; init; }
    /// <summary>Set in DMs.</summary>
    public User? User { get; init; }
    public int Version { get; init; } = 1;
    public string? AppPermissions { get; init; }
    public string? Locale { get; init; }
    public string? GuildLocale { get; init; }
    public Message? Message { get; init; }
    public int? Context { get; init; }
    public IReadOnlyList<JsonElement>? Entitlements { get; init; }
    public IReadOnlyDictionary<string, ulong>? AuthorizingIntegrationOwners { get; init; }
    public int? AttachmentSizeLimit { get; init; }

    /// <summary>The user who acted, in a guild or a DM.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public User? Invoker => Member?.User ?? User;
}

public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>What was invoked: a command and its options, a component, or a submitted modal.</summary>
public sealed record InteractionData : DiscordObject
{
    public ulong? Id { get; init; }
    public string? Name { get; init; }
    public ApplicationCommandType? Type { get; init; }
    public IReadOnlyList<InteractionDataOption>? Options { get; init; }
    public JsonElement? Resolved { get; init; }
    public ulong? GuildId { get; init; }
    /// <summary>The user or message a context-menu command was used on.</summary>
    public ulong? TargetId { get; init; }
    public string? CustomId { get; init; }
    public ComponentType? ComponentType { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
    /// <summary>A submitted modal's rows with their inputs' values.</summary>
    public IReadOnlyList<Component>? Components { get; init; }
}

/// <summary>One option as invoked: a value, or the options of a subcommand or group.</summary>
public sealed record InteractionDataOption(string Name, ApplicationCommandOptionType Type) : DiscordObject
{
    public JsonElement? Value { get; init; }
    public IReadOnlyList<InteractionDataOption>? Options { get; init; }
    /// <summary>True on the option being typed, in an autocomplete interaction.</summary>
    public bool? Focused { get; init; }
}
