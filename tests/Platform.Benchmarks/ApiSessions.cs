using Platform.Api.Auth;
using Platform.Testing;

namespace Platform.Benchmarks;

internal static class ApiSessions
{
    /// <summary>A session as the OAuth callback would make it, for a bot owner, so that no Discord is needed to be let in.</summary>
    public static async Task<string> SignInAsBotOwnerAsync(ApiHost api, ulong owner)
    {
        var now = DateTimeOffset.UtcNow;
        var session = new DashboardSession(
            SessionStore.NewId(), owner, "owner", null, null, "", "", now.AddDays(7), [], now.AddHours(1), SessionStore.NewId(), now, now.AddDays(1));
        await api.Services.GetRequiredService<SessionStore>().CreateAsync(session);
        return session.Id;
    }
}
