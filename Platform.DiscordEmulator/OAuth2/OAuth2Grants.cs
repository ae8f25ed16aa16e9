using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Platform.Discord.OAuth2;

namespace Platform.DiscordEmulator.OAuth2;

/// <summary>
/// Authorization codes and the tokens issued for them, as Discord keeps them: a code is good once
/// for ten minutes, a refresh token is good once (it is rotated), an access token until it expires
/// or is revoked.
/// </summary>
public sealed class OAuth2Grants(IOptions<EmulatorOptions> options, TimeProvider time)
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, PendingCode> codes = new();
    private readonly ConcurrentDictionary<string, IssuedToken> accessTokens = new();
    private readonly ConcurrentDictionary<string, IssuedToken> refreshTokens = new();

    public string IssueCode(ulong userId, string redirectUri, string scope, string? codeChallenge)
    {
        var code = NewToken();
        codes[code] = new PendingCode(userId, redirectUri, scope, codeChallenge, time.GetUtcNow() + CodeLifetime);
        return code;
    }

    /// <summary>Tokens for a code, or the reason it is refused: unknown, used, expired, another redirect, a wrong verifier.</summary>
    public (AccessTokenResponse? Tokens, string? Refusal) Redeem(string code, string? redirectUri, string? codeVerifier)
    {
        if (!codes.TryRemove(code, out var pending) || pending.ExpiresAt < time.GetUtcNow())
        {
            return (null, "Invalid \"code\" in request.");
        }

        if (pending.RedirectUri != redirectUri)
        {
            return (null, "Invalid \"redirect_uri\" in request.");
        }

        if (pending.CodeChallenge is { } challenge && (codeVerifier is null || !AuthorizationRequest.Verifies(codeVerifier, challenge)))
        {
            return (null, "Invalid \"code_verifier\" in request.");
        }

        return (Issue(pending.UserId, pending.Scope), null);
    }

    public AccessTokenResponse? Refresh(string refreshToken) =>
        refreshTokens.TryRemove(refreshToken, out var issued) ? Issue(issued.UserId, issued.Scope) : null;

    public void Revoke(string token)
    {
        accessTokens.TryRemove(token, out _);
        refreshTokens.TryRemove(token, out _);
    }

    /// <summary>Every token of a user stops working, as when they deauthorize the app in Discord's settings.</summary>
    public void RevokeUser(ulong userId)
    {
        foreach (var (token, issued) in accessTokens.Where(t => t.Value.UserId == userId))
        {
            accessTokens.TryRemove(KeyValuePair.Create(token, issued));
        }

        foreach (var (token, issued) in refreshTokens.Where(t => t.Value.UserId == userId))
        {
            refreshTokens.TryRemove(KeyValuePair.Create(token, issued));
        }
    }

    /// <summary>Who a bearer token speaks for, while it is valid.</summary>
    public IssuedToken? Find(string accessToken) =>
        accessTokens.TryGetValue(accessToken, out var issued) && issued.ExpiresAt > time.GetUtcNow() ? issued : null;

    private AccessTokenResponse Issue(ulong userId, string scope)
    {
        var lifetime = TimeSpan.FromSeconds(options.Value.OAuth2TokenLifetimeSeconds);
        var access = NewToken();
        var refresh = NewToken();
        var issued = new IssuedToken(userId, scope, time.GetUtcNow() + lifetime);
        accessTokens[access] = issued;
        refreshTokens[refresh] = issued;
        return new AccessTokenResponse(access, "Bearer", (int)lifetime.TotalSeconds, scope) { RefreshToken = refresh };
    }

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private sealed record PendingCode(ulong UserId, string RedirectUri, string Scope, string? CodeChallenge, DateTimeOffset ExpiresAt);
}

public sealed record IssuedToken(ulong UserId, string Scope, DateTimeOffset ExpiresAt)
{
    public bool Allows(string scope) => Scope.Split(' ').Contains(scope);
}
