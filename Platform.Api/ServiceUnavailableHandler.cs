using Microsoft.AspNetCore.Diagnostics;
using Platform.Data;
using Platform.Discord.Rest;
using StackExchange.Redis;

namespace Platform.Api;

/// <summary>
/// Turns an unreachable Redis, Postgres or Discord into 503 problem details with Retry-After: the caller can
/// try again shortly, and an outage never shows as a 500 or, worse, as being signed out. A value
/// Postgres refused is not an outage: <see cref="DatabaseRefusalHandler"/> answers those.
/// </summary>
public sealed partial class ServiceUnavailableHandler(IProblemDetailsService problems, ILogger<ServiceUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var dependency = exception switch
        {
            RedisException or RedisTimeoutException => "Redis",
            HttpRequestException or DiscordApiException { Status: >= System.Net.HttpStatusCode.InternalServerError } => "Discord",
            _ when PostgresErrors.Classify(exception) == PostgresFailure.Unavailable => "Postgres",
            _ => null,
        };
        if (dependency is null)
        {
            return false;
        }

        LogUnavailable(dependency, http.Request.Method, http.Request.Path);
        ApiTelemetry.Refused("unavailable");
        http.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteProblemAsync(
            http, StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            $"The platform cannot reach {dependency} right now. Try again in a few seconds.", exception);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Dependency} is unreachable; {Method} {Path} answered 503")]
    private partial void LogUnavailable(string dependency, string method, string path);
}
