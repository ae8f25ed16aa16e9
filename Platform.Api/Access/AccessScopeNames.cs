using Platform.Data;
using Platform.Data.Access;

namespace Platform.Api.Access;

/// <summary>Rights on the wire: snake_case names (<c>view_analytics</c>), as the database stores enums.</summary>
public static class AccessScopeNames
{
    private static readonly AccessScopes[] Each = [.. Enum.GetValues<AccessScopes>().Where(s => s != AccessScopes.None)];

    public static IReadOnlyList<string> Of(AccessScopes scopes) =>
        [.. Each.Where(s => scopes.HasFlag(s)).Select(SnakeCaseEnumConverter<AccessScopes>.NameOf)];

    /// <summary>The scopes named, or null with the first unknown name.</summary>
    public static (AccessScopes Scopes, string? Unknown) Parse(IEnumerable<string> names)
    {
        var scopes = AccessScopes.None;
        foreach (var name in names)
        {
            var scope = Each.FirstOrDefault(s => SnakeCaseEnumConverter<AccessScopes>.NameOf(s) == name);
            if (scope == AccessScopes.None)
            {
                return (AccessScopes.None, name);
            }

            scopes |= scope;
        }

        return (scopes, null);
    }
}
