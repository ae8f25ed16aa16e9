namespace Platform.Api.Auth;

/// <summary>
/// The session cookie and the short-lived cookie that binds a sign-in's <c>state</c> to the browser
/// that started it: HttpOnly, SameSite=Lax, and Secure everywhere but local http development.
/// </summary>
public sealed class SessionCookies(IHostEnvironment environment)
{
    public const string SignInCookie = "platform_sign_in";

    public void SetSession(HttpResponse response, DashboardSession session) =>
        response.Cookies.Append(SessionAuthentication.CookieName, session.Id, Options("/", session.ExpiresAt));

    public void ClearSession(HttpResponse response) =>
        response.Cookies.Delete(SessionAuthentication.CookieName, Options("/", null));

    public void SetSignIn(HttpResponse response, string state, DateTimeOffset expires) =>
        response.Cookies.Append(SignInCookie, state, Options("/api/auth", expires));

    public void ClearSignIn(HttpResponse response) => response.Cookies.Delete(SignInCookie, Options("/api/auth", null));

    private CookieOptions Options(string path, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = !environment.IsDevelopment(),
        Path = path,
        Expires = expires,
        IsEssential = true,
    };
}
