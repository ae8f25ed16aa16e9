using System.Security.Cryptography;
using System.Text;

namespace Platform.Api.Auth;

/// <summary>
/// The synchronizer-token pattern: a state-changing request must echo the session's CSRF token in
/// <c>X-CSRF-Token</c>. Another site can make the browser send the cookie, but cannot read the token.
/// </summary>
public sealed class CsrfProtection : IEndpointFilter
{
    public const string HeaderName = "X-CSRF-Token";

    /// <summary>Any method but the safe ones (RFC 9110 §9.2.1): those are the requests CSRF defences guard.</summary>
    public static bool ChangesSomething(string method) => !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!ChangesSomething(http.Request.Method))
        {
            return await next(context);
        }

        var sent = http.Request.Headers[HeaderName].ToString();
        var expected = http.Session().CsrfToken;
        if (sent.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected)))
        {
            ApiTelemetry.Refused("csrf");
            return TypedResults.Problem(
                title: "Missing or invalid CSRF token",
                detail: $"Send the token from GET /api/me in the {HeaderName} header with every request that changes something.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }
}
