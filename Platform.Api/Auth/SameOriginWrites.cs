using Microsoft.Extensions.Options;

namespace Platform.Api.Auth;

/// <summary>
/// Defence in depth beside the CSRF token: a request that changes something and says it comes from
/// another site (its <c>Origin</c>, or the browser's <c>Sec-Fetch-Site</c>) is refused before it is
/// read. A request that says neither, as a script or an older browser sends, still needs the token.
/// </summary>
public sealed class SameOriginWrites(RequestDelegate next, IOptions<DashboardSettings> settings)
{
    private readonly string siteOrigin = settings.Value.RedirectUri.GetLeftPart(UriPartial.Authority);

    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems)
    {
        var request = http.Request;
        if (!CsrfProtection.ChangesSomething(request.Method) || IsOwnSite(request))
        {
            await next(http);
            return;
        }

        ApiTelemetry.Refused("cross_origin");
        await problems.TryWriteProblemAsync(
            http, StatusCodes.Status403Forbidden, "Cross-site request refused",
            $"Changes are only accepted from pages of {siteOrigin}.");
    }

    private bool IsOwnSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, siteOrigin, StringComparison.OrdinalIgnoreCase);
    }
}
