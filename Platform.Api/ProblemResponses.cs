namespace Platform.Api;

public static class ProblemResponses
{
    /// <summary>
    /// Answers with <paramref name="status"/> as problem details, for the places outside an endpoint that
    /// cannot return a TypedResults problem: exception handlers and the rate limiter's rejection.
    /// </summary>
    public static ValueTask<bool> TryWriteProblemAsync(
        this IProblemDetailsService problems, HttpContext http, int status, string title, string detail, Exception? exception = null)
    {
        http.Response.StatusCode = status;
        return problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
