namespace Platform.DiscordEmulator.Rest;

/// <summary>Error answers shaped as Discord sends them: <c>{"message": ..., "code": ...}</c>.</summary>
public static class DiscordErrors
{
    public static IResult Unauthorized() => Error(StatusCodes.Status401Unauthorized, 0, "401: Unauthorized");

    public static IResult UnknownInteraction() => Error(StatusCodes.Status404NotFound, 10062, "Unknown interaction");

    public static IResult AlreadyAcknowledged() => Error(StatusCodes.Status400BadRequest, 40060, "Interaction has already been acknowledged.");

    public static IResult UnknownWebhook() => Error(StatusCodes.Status404NotFound, 10015, "Unknown Webhook");

    public static IResult UnknownMessage() => Error(StatusCodes.Status404NotFound, 10008, "Unknown Message");

    public static IResult UnknownGuild() => Error(StatusCodes.Status404NotFound, 10004, "Unknown Guild");

    public static IResult UnknownMember() => Error(StatusCodes.Status404NotFound, 10007, "Unknown Member");

    public static IResult UnknownUser() => Error(StatusCodes.Status404NotFound, 10013, "Unknown User");

    public static IResult UnknownRole() => Error(StatusCodes.Status404NotFound, 10011, "Unknown Role");

    public static IResult UnknownChannel() => Error(StatusCodes.Status404NotFound, 10003, "Unknown Channel");

    public static IResult InvalidFormBody(IReadOnlyDictionary<string, string> errors, string code = "BASE_TYPE_INVALID") =>
        TypedResults.Json(
            new DiscordError("Invalid Form Body", 50035)
            {
                Errors = errors.ToDictionary(e => e.Key, e => new FieldErrors([new FieldError(code, e.Value)])),
            },
            statusCode: StatusCodes.Status400BadRequest);

    private static IResult Error(int status, int code, string message) =>
        TypedResults.Json(new DiscordError(message, code), statusCode: status);
}

public sealed record DiscordError(string Message, int Code)
{
    public IReadOnlyDictionary<string, FieldErrors>? Errors { get; init; }
}

public sealed record FieldErrors(IReadOnlyList<FieldError> _errors);

public sealed record FieldError(string Code, string Message);
