using Platform.Api.Access;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Platform.Api.Auth;

/// <summary>
/// Signs a request in from its session cookie. Redis failing is not "signed out": the error goes on
/// to the exception handler, which answers 503, so an outage neither opens nor locks anything.
/// </summary>
public sealed class SessionAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionStore sessions, BotOwners botOwners)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";
    public const string CookieName = "platform_session";
    public const string BotOwnerPolicy = "bot-owner";
    internal const string RoleClaim = "platform:role";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(CookieName, out var id) || id is not { Length: > 0 and < 128 })
        {
            return AuthenticateResult.NoResult();
        }

        if (await sessions.FindAsync(id) is not { } session)
        {
            return AuthenticateResult.Fail("The session has ended.");
        }

        Context.Features.Set(session);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, session.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, session.Username)];
        if (await botOwners.IsOwnerAsync(session.UserId, Context.RequestAborted))
        {
            claims.Add(new Claim(RoleClaim, BotOwnerPolicy));
        }

        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

public static class SessionAuthorization
{
    /// <summary>The platform-wide pages are for the bot's owners (<see cref="BotOwners"/>).</summary>
    public static void AddBotOwnerPolicy(this Microsoft.AspNetCore.Authorization.AuthorizationOptions options) =>
        options.AddPolicy(SessionAuthentication.BotOwnerPolicy, policy =>
            policy
                .RequireAuthenticatedUser()
                .RequireClaim(SessionAuthentication.RoleClaim, SessionAuthentication.BotOwnerPolicy));
}

public static class SessionHttpContextExtensions
{
    /// <summary>The request's session; only on endpoints that require a signed-in user.</summary>
    public static DashboardSession Session(this HttpContext context) =>
        context.Features.Get<DashboardSession>() ?? throw new InvalidOperationException("The endpoint does not require a signed-in user.");
}
