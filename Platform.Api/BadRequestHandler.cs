using Microsoft.AspNetCore.Diagnostics;

namespace Platform.Api;

/// <summary>
/// Answers a request the framework could not read (broken or mistyped JSON, a route value out of
/// range, a body over the size limit) with the 4xx it carries, as problem details that say what was wrong.
/// </summary>
public sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var tooLarge = bad.StatusCode == StatusCodes.Status413PayloadTooLarge;
        return await problems.TryWriteProblemAsync(
            http,
            bad.StatusCode,
            tooLarge ? "Request too large" : "Unreadable request",
            tooLarge ? $"Requests are limited to {ApiDefaults.MaxRequestBodyBytes / 1024} KiB."
                : bad.InnerException is System.Text.Json.JsonException json ? $"{bad.Message} {json.Message}" : bad.Message);
    }
}
