using Platform.Data.Access;

namespace Platform.Api.Access;

/// <summary>What the signed-in user may do in one guild, and why.</summary>
public sealed record GuildAccess(ulong GuildId, AccessScopes Scopes, AccessSource Source)
{
    public const AccessScopes Full =
        AccessScopes.ViewAnalytics | AccessScopes.ManageModules | AccessScopes.ManageBudgets | AccessScopes.ManageAccess | AccessScopes.ManageContent;

    public static GuildAccess None(ulong guildId) => new(guildId, AccessScopes.None, AccessSource.None);

    public bool Allows(AccessScopes scope) => (Scopes & scope) == scope;

    public bool Any => Scopes != AccessScopes.None;
}

public enum AccessSource
{
    None,
    /// <summary>Owner, Administrator or Manage Guild in Discord.</summary>
    Discord,
    /// <summary>Listed in the api's configuration as an owner of the bot.</summary>
    BotOwner,
    /// <summary>Grants made on the dashboard, to the user or to their roles.</summary>
    Grants,
}
