using System.Text.Json.Serialization;

namespace Platform.Discord.Models;

/// <summary>A Discord application (the bot's, or the one a user authorized).</summary>
public sealed record Application(ulong Id, string Name) : DiscordObject
{
    public string? Icon { get; init; }
    public string? Description { get; init; }
    public bool? BotPublic { get; init; }
    public string? VerifyKey { get; init; }
    public int? Flags { get; init; }

    /// <summary>The user who owns it; for an application owned by a team, a stand-in user for the team.</summary>
    public User? Owner { get; init; }

    public Team? Team { get; init; }

    /// <summary>Who owns the bot, as Discord libraries read it: the accepted members of its team, else its owner.</summary>
    [JsonIgnore]
    public IReadOnlyList<ulong> OwnerIds =>
        Team is { } team ? [.. team.Members.Where(m => m.MembershipState == TeamMember.Accepted).Select(m => m.User.Id)]
        : Owner is { } owner ? [owner.Id]
        : [];
}

public sealed record Team(ulong Id, string Name, ulong OwnerUserId, IReadOnlyList<TeamMember> Members) : DiscordObject;

public sealed record TeamMember(int MembershipState, ulong TeamId, User User) : DiscordObject
{
    public const int Invited = 1;
    public const int Accepted = 2;

    public string? Role { get; init; }
}
