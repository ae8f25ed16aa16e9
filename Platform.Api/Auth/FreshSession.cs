namespace Platform.Api.Auth;

public static class FreshSession
{
    /// <summary>
    /// The request's session with a current guild list, or null (its cookie cleared) when Discord no
    /// longer honours the sign-in; answer that with <see cref="SignedOut"/>.
    /// </summary>
    /// <param name="changedAt">When the bot reported the user's rights changed; a list read before it is read again.</param>
    public static async Task<DashboardSession?> GetFreshSessionAsync(this HttpContext http, DateTimeOffset? changedAt = null)
    {
        var services = http.RequestServices;
        if (
            await services
                .GetRequiredService<DiscordSignIn>()
                .WithFreshGuildsAsync(http.Session(), changedAt, http.RequestAborted)
            is not { } session)
        {
            services.GetRequiredService<SessionCookies>().ClearSession(http.Response);
            return null;
        }

        http.Features.Set(session);
        return session;
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult SignedOut() =>
        TypedResults.Problem(
            title: "Signed out",
            detail: "Discord no longer honours this sign-in. Sign in again.",
            statusCode: StatusCodes.Status401Unauthorized);
}
