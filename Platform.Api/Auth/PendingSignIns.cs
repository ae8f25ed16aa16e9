using System.Text.Json;
using Platform.Discord.OAuth2;
using StackExchange.Redis;

namespace Platform.Api.Auth;

/// <summary>
/// Sign-ins between the redirect to Discord and the callback, keyed by their <c>state</c>. Taking one
/// deletes it, so a state is good once: a replayed callback finds nothing.
/// </summary>
public sealed class PendingSignIns(IConnectionMultiplexer redis, ApiRedisKeys keys)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public Task StartAsync(AuthorizationRequest request, string returnPath) =>
        redis
            .GetDatabase()
            .StringSetAsync(
                keys.SignIn(request.State),
                JsonSerializer.Serialize(new PendingSignIn(request.CodeVerifier, returnPath)),
                Lifetime);

    public async Task<PendingSignIn?> TakeAsync(string state)
    {
        var json = await redis.GetDatabase().StringGetDeleteAsync(keys.SignIn(state));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<PendingSignIn>(json.ToString());
    }
}

public sealed record PendingSignIn(string CodeVerifier, string ReturnPath);
