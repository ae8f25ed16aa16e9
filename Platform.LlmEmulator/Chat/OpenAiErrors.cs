namespace Platform.LlmEmulator.Chat;

/// <summary>Errors in OpenAI's shape: <c>{"error": {"message", "type", "param", "code"}}</c>.</summary>
public static class OpenAiErrors
{
    public static IResult InvalidApiKey() =>
        Error(StatusCodes.Status401Unauthorized, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");

    public static IResult InvalidRequest(string message) =>
        Error(StatusCodes.Status400BadRequest, message, "invalid_request_error", null);

    public static IResult RateLimited() =>
        Error(StatusCodes.Status429TooManyRequests, "Rate limit reached for requests. Please try again in 1s.", "requests", "rate_limit_exceeded");

    public static IResult ServerError() =>
        Error(StatusCodes.Status500InternalServerError, "The server had an error while processing your request.", "server_error", null);

    private static IResult Error(int status, string message, string type, string? code) =>
        Results.Json(new { error = new { message, type, param = (string?)null, code } }, statusCode: status);
}
