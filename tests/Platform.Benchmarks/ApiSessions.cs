using System.Globalization;
using Platform.Api.Auth;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>The real api as the benchmarks run it: no rate limit in the way, and a bot owner signed in without Discord.</summary>
internal static class ApiSessions
{
    public const ulong BotOwner = 800_000_000_000_000_001;

    /// <param name="extra">Settings of the benchmark's own, on top.</param>
    public static Dictionary<string, string?> Settings(string database, string redis, ulong clientId, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:platformdb"] = database,
            ["ConnectionStrings:redis"] = redis,
            ["Discord:ClientId"] = clientId.ToString(CultureInfo.InvariantCulture),
            ["Discord:ClientSecret"] = "benchmark",
            ["Discord:Token"] = "benchmark",
            ["Dashboard:BotOwners"] = BotOwner.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:SessionBurst"] = "1000000",
            ["RateLimits:SessionPerSecond"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A session as the OAuth callback would make it, for <see cref="BotOwner"/>, so that no Discord is needed to be let in.</summary>
    public static async Task<string> SignInAsBotOwnerAsync(ApiHost api)
    {
        var now = DateTimeOffset.UtcNow;
        var session = new DashboardSession(
            SessionStore.NewId(), BotOwner, "owner", null, null, "", "", now.AddDays(7), [], now.AddHours(1), SessionStore.NewId(), now,
            now.AddDays(1));
        await api.Services.GetRequiredService<SessionStore>().CreateAsync(session);
        return session.Id;
    }
}
