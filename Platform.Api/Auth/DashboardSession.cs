using Platform.Discord.Models;

namespace Platform.Api.Auth;

/// <summary>
/// A signed-in browser, kept in Redis under a hash of its cookie. The Discord tokens are encrypted
/// with the data-protection keys, so a copy of Redis does not give away anyone's Discord access.
/// </summary>
public sealed record DashboardSession(
    string Id,
    ulong UserId,
    string Username,
    string? GlobalName,
    string? Avatar,
    string ProtectedAccessToken,
    string ProtectedRefreshToken,
    DateTimeOffset AccessTokenExpiresAt,
    IReadOnlyList<UserGuild> Guilds,
    DateTimeOffset GuildsReadAt,
    string CsrfToken,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    public string? UserAgent { get; init; }

    public DateTimeOffset LastSeenAt { get; init; }
}

/// <summary>A guild the user is in, with the permissions Discord reported for them there.</summary>
public sealed record UserGuild(ulong Id, string Name, string? Icon, bool Owner, Permissions Permissions)
{
    /// <summary>Owner is checked on its own: Discord's permissions figure leaves out what owning implies.</summary>
    public bool CanManage => Owner || Permissions.Allows(Permissions.ManageGuild);
}
