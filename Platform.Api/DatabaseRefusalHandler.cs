using Microsoft.AspNetCore.Diagnostics;
using Platform.Data;

namespace Platform.Api;

/// <summary>
/// Answers a write or query that Postgres refused for what it carried: a value it cannot store is the
/// caller's 400, a unique key someone else took a moment ago is a 409 to reload and retry. Neither
/// is an outage, and neither is reported as one.
/// </summary>
public sealed partial class DatabaseRefusalHandler(IProblemDetailsService problems, ILogger<DatabaseRefusalHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = PostgresErrors.Classify(exception) switch
        {
            PostgresFailure.BadData => (
                StatusCodes.Status400BadRequest,
                "Value not accepted",
                "The database cannot store a value in this request (a control character, or a number or text out of " +
                "range). Correct it and send it again."),
            PostgresFailure.Conflict => (
                StatusCodes.Status409Conflict,
                "Changed meanwhile",
                "Someone else changed the same thing at the same moment. Reload and try again."),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        LogRefused(exception, http.Request.Method, http.Request.Path, status);
        ApiTelemetry.Refused(status == StatusCodes.Status409Conflict ? "conflict" : "bad_value");
        return await problems.TryWriteProblemAsync(http, status, title, detail);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Postgres refused {Method} {Path}; answered {Status}")]
    private partial void LogRefused(Exception error, string method, string path, int status);
}
