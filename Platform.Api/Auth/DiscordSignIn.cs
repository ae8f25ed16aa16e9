using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Discord.Models;
using Platform.Data;
using Platform.Discord.OAuth2;

namespace Platform.Api.Auth;

/// <summary>
/// Discord's side of a session: exchanging the callback's code, and keeping the user's guild list
/// and permissions current with the refresh token when the copy in the session grows old.
/// </summary>
public sealed class DiscordSignIn(
    DiscordOAuth2Client discord,
    IDataProtectionProvider protection,
    SessionStore sessions,
    PlatformDbContext db,
    TimeProvider time,
    IOptions<DashboardSettings> settings)
{
    public static readonly string[] Scopes = ["identify", "guilds"];

    private readonly IDataProtector tokens = protection.CreateProtector("Platform.Api.Auth.DiscordTokens");

    public async Task<DashboardSession> ExchangeAsync(string code, string codeVerifier, string? userAgent, CancellationToken cancellationToken)
    {
        using var activity = ApiTelemetry.ActivitySource.StartActivity("sign-in exchange");
        var granted = await discord.ExchangeCodeAsync(code, settings.Value.RedirectUri, codeVerifier, cancellationToken);
        var user = await discord.GetCurrentUserAsync(granted.AccessToken, cancellationToken);
        var guilds = await discord.GetCurrentUserGuildsAsync(granted.AccessToken, cancellationToken);
        var now = time.GetUtcNow();
        var session = new DashboardSession(
            SessionStore.NewId(), user.Id, user.Username, user.GlobalName, user.Avatar,
            tokens.Protect(granted.AccessToken), tokens.Protect(granted.RefreshToken ?? ""), now.AddSeconds(granted.ExpiresIn),
            ToUserGuilds(guilds), now, SessionStore.NewId(), now, now + settings.Value.SessionLifetime)
        {
            UserAgent = userAgent is { Length: > 256 } ? userAgent[..256] : userAgent,
            LastSeenAt = now,
        };
        await sessions.CreateAsync(session);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO dashboard_users (id, username, global_name, avatar_hash, first_seen_at, last_seen_at)
            VALUES ({(long)user.Id}, {user.Username}, {user.GlobalName}, {user.Avatar}, {now}, {now})
            ON CONFLICT (id) DO UPDATE SET username = excluded.username, global_name = excluded.global_name,
                avatar_hash = excluded.avatar_hash, last_seen_at = excluded.last_seen_at
            """, cancellationToken);
        return session;
    }

    /// <summary>
    /// The session with a guild list no older than <see cref="DashboardSettings.GuildListMaxAge"/> nor than
    /// <paramref name="changedAt"/>, or null when Discord no longer honours its grant (the user deauthorized
    /// the app): that session is over.
    /// </summary>
    public async Task<DashboardSession?> WithFreshGuildsAsync(
        DashboardSession session,
        DateTimeOffset? changedAt,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - session.GuildsReadAt < settings.Value.GuildListMaxAge && session.GuildsReadAt > changedAt.GetValueOrDefault())
        {
            return session;
        }

        using var activity = ApiTelemetry.ActivitySource.StartActivity("guild list refresh");

        try
        {
            var current =
                session.AccessTokenExpiresAt - now > TimeSpan.FromMinutes(1)
                    ? session
                    : await RefreshTokenAsync(session, now, cancellationToken);
            var guilds = await discord.GetCurrentUserGuildsAsync(
                tokens.Unprotect(current.ProtectedAccessToken),
                cancellationToken);
            var fresh = current with { Guilds = ToUserGuilds(guilds), GuildsReadAt = now };
            await sessions.SaveAsync(fresh);
            return fresh;
        }
        catch (Exception error)
            when (error
                    is DiscordOAuth2Exception
                        or Platform.Discord.Rest.DiscordApiException { Status: System.Net.HttpStatusCode.Unauthorized })
        {
            await sessions.DeleteAsync(session);
            ApiTelemetry.SessionsEnded.Add(1, new KeyValuePair<string, object?>("reason", "discord_revoked"));
            return null;
        }
    }

    /// <summary>Tells Discord to forget the session's grant; a failure there does not keep the user signed in.</summary>
    public async Task RevokeAsync(DashboardSession session, CancellationToken cancellationToken)
    {
        try
        {
            await discord.RevokeAsync(tokens.Unprotect(session.ProtectedRefreshToken), "refresh_token", cancellationToken);
        }
        catch (Exception error)
            when (error
                    is HttpRequestException
                        or DiscordOAuth2Exception
                        or Platform.Discord.Rest.DiscordApiException
                        or System.Security.Cryptography.CryptographicException)
        {
            // The session is deleted either way; Discord's grant then lapses on its own.
        }
    }

    private async Task<DashboardSession> RefreshTokenAsync(DashboardSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var granted = await discord.RefreshAsync(tokens.Unprotect(session.ProtectedRefreshToken), cancellationToken);
        return session with
        {
            ProtectedAccessToken = tokens.Protect(granted.AccessToken),
            ProtectedRefreshToken = tokens.Protect(granted.RefreshToken ?? ""),
            AccessTokenExpiresAt = now.AddSeconds(granted.ExpiresIn),
        };
    }

    private static IReadOnlyList<UserGuild> ToUserGuilds(IReadOnlyList<PartialGuild> guilds) =>
        [.. guilds.Select(g => new UserGuild(g.Id, g.Name, g.Icon, g.Owner, PermissionsParser.Parse(g.Permissions)))];
}
