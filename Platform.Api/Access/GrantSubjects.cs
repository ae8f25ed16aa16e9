using System.Net;
using Platform.Data.Access;
using Platform.Discord.Rest;

namespace Platform.Api.Access;

/// <summary>
/// Whether a grant's subject can ever take effect in its guild: a member of it, or one of its roles
/// other than @everyone (Discord lists no member as holding @everyone, so such a grant would never
/// match). Asked of Discord at the moment of granting, never from a cache.
/// </summary>
public sealed class GrantSubjects(DiscordRestClient discord)
{
    /// <summary>Why the grant cannot take effect, or null when it can.</summary>
    /// <exception cref="HttpRequestException">Discord could not be asked.</exception>
    public async Task<string?> RefusalAsync(ulong guildId, GrantSubject type, ulong subjectId, CancellationToken cancellationToken)
    {
        if (type == GrantSubject.Role)
        {
            if (subjectId == guildId)
            {
                return "@everyone cannot hold rights here: grant a role that members are given, or grant members one by one.";
            }

            var roles = await discord.GetGuildRolesAsync(guildId, cancellationToken);
            return roles.Any(r => r.Id == subjectId) ? null : "No role with this id in this server.";
        }

        try
        {
            await discord.GetGuildMemberAsync(guildId, subjectId, cancellationToken);
            return null;
        }
        catch (DiscordApiException error) when (error.Status == HttpStatusCode.NotFound)
        {
            return "No member with this id in this server. They must join it before they can be granted rights.";
        }
    }
}
