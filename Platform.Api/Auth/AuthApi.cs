using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Discord.OAuth2;

namespace Platform.Api.Auth;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/auth").WithTags("Auth");

        auth.MapGet("/login", BeginSignIn)
            .WithSummary("Sends the browser to Discord to sign in; returnTo is a path of this site to come back to.");
        auth.MapPost("/callback", CompleteSignInAsync)
            .WithSummary("Takes the code and state Discord sent to the callback page, and starts a session.");

        var signedIn = auth.MapGroup("").RequireAuthorization().AddEndpointFilter<CsrfProtection>();
        signedIn.MapPost("/logout", LogOutAsync).WithSummary("Ends this session.");
        signedIn.MapPost("/logout-everywhere", LogOutEverywhereAsync).WithSummary("Ends every session of the signed-in user.");

        return routes;
    }

    private static async Task<RedirectHttpResult> BeginSignIn(
        string? returnTo, HttpResponse response, PendingSignIns pending, SessionCookies cookies,
        DiscordOAuth2Options discord, IOptions<DashboardSettings> dashboard, TimeProvider time)
    {
        var request = AuthorizationRequest.Create();
        await pending.StartAsync(request, LocalPath(returnTo));
        cookies.SetSignIn(response, request.State, time.GetUtcNow() + PendingSignIns.Lifetime);
        return TypedResults.Redirect(request.AuthorizeUrl(discord, dashboard.Value.RedirectUri, DiscordSignIn.Scopes).ToString());
    }

    private static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> CompleteSignInAsync(
        SignInCallback callback,
        HttpContext http,
        PendingSignIns pending,
        DiscordSignIn discord,
        SessionStore sessions,
        SessionCookies cookies,
        CancellationToken cancellationToken)
    {
        // The state must be the one this browser was given: a callback link made for someone else's sign-in is refused.
        var bound = http.Request.Cookies[SessionCookies.SignInCookie];
        cookies.ClearSignIn(http.Response);
        if (callback.State is not { Length: > 0 } state || bound != state || await pending.TakeAsync(state) is not { } signIn)
        {
            return SignInRefused("bad_state", "The sign-in expired, was already used, or was started in another browser. Sign in again.");
        }

        if (callback.Code is not { Length: > 0 } code)
        {
            return SignInRefused("no_code", "Discord sent no authorization code; the sign-in was cancelled.");
        }

        try
        {
            var session = await discord.ExchangeAsync(code, signIn.CodeVerifier, http.Request.Headers.UserAgent, cancellationToken);
            // The browser's previous session ends here: its cookie is overwritten, and a copy of it must not outlive it.
            if (http.Features.Get<DashboardSession>() is { } previous)
            {
                await sessions.DeleteAsync(previous);
                CountEnded("signed_in_again", 1);
            }

            cookies.SetSession(http.Response, session);
            CountSignIn("signed_in");
            return TypedResults.Ok(new SignedIn(signIn.ReturnPath));
        }
        catch (DiscordOAuth2Exception)
        {
            return SignInRefused("code_refused", "Discord did not accept the authorization code. Sign in again.");
        }
    }

    private static async Task<NoContent> LogOutAsync(
        HttpContext http,
        SessionStore sessions,
        DiscordSignIn discord,
        SessionCookies cookies,
        CancellationToken cancellationToken)
    {
        var session = http.Session();
        await sessions.DeleteAsync(session);
        await discord.RevokeAsync(session, cancellationToken);
        cookies.ClearSession(http.Response);
        CountEnded("logout", 1);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SessionsEnded>> LogOutEverywhereAsync(HttpContext http, SessionStore sessions, SessionCookies cookies)
    {
        var ended = await sessions.DeleteAllAsync(http.Session().UserId);
        cookies.ClearSession(http.Response);
        CountEnded("logout_everywhere", ended);
        return TypedResults.Ok(new SessionsEnded(ended));
    }

    private static ProblemHttpResult SignInRefused(string outcome, string detail)
    {
        CountSignIn(outcome);
        return TypedResults.Problem(title: "Sign-in refused", detail: detail, statusCode: StatusCodes.Status400BadRequest);
    }

    private static void CountSignIn(string outcome) => ApiTelemetry.SignIns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    private static void CountEnded(string reason, int sessions) =>
        ApiTelemetry.SessionsEnded.Add(sessions, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>
    /// Only a path of this site: an absolute or protocol-relative URL would make the sign-in an open
    /// redirect. Browsers drop tabs and newlines from a URL and read a backslash as a slash, so
    /// "/\t/evil.example" and "/\\evil.example" would leave the site too: a path is printable ASCII with no
    /// backslash, as a browser writes one.
    /// </summary>
    private static string LocalPath(string? returnTo) =>
        returnTo is { Length: > 0 and < 512 } path && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal)
            && path.All(c => c is > ' ' and < '\x7f' and not '\\')
            ? path
            : "/";
}

public sealed record SignInCallback(string? Code, string? State);

public sealed record SignedIn(string ReturnTo);

public sealed record SessionsEnded(int Ended);
