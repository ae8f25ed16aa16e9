using System.Text.Json;
using Platform.Discord.Models;

namespace Platform.Discord.Interactions;

/// <summary>A command as registered with Discord (bulk overwrite sends these, and gets them back with ids).</summary>
public sealed record ApplicationCommand(string Name, string Description) : DiscordObject
{
    public ulong? Id { get; init; }
    public ulong? ApplicationId { get; init; }
    public ulong? GuildId { get; init; }
    public ApplicationCommandType Type { get; init; } = ApplicationCommandType.ChatInput;
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
    /// <summary>Permissions a member needs to see the command, as a bit set in a string; "0" hides it from all but admins.</summary>
    public string? DefaultMemberPermissions { get; init; }
    public IReadOnlyList<int>? Contexts { get; init; }
    public bool? Nsfw { get; init; }
    public ulong? Version { get; init; }
}

public enum ApplicationCommandType
{
    ChatInput = 1,
    User = 2,
    Message = 3,
    PrimaryEntryPoint = 4,
}

public sealed record ApplicationCommandOption(ApplicationCommandOptionType Type, string Name, string Description) : DiscordObject
{
    public bool? Required { get; init; }
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
    public IReadOnlyList<int>? ChannelTypes { get; init; }
    public double? MinValue { get; init; }
    public double? MaxValue { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public bool? Autocomplete { get; init; }
}

public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}

/// <summary>A fixed choice, or an autocomplete suggestion; the value is a string or a number.</summary>
public sealed record ApplicationCommandOptionChoice(string Name, JsonElement Value) : DiscordObject;
