namespace Platform.DiscordEmulator.Rest;

/// <summary>Error bodies shaped as Discord sends them: <c>{"message": ..., "code": ...}</c>.</summary>
public static class DiscordErrors
{
    public static IResult Unauthorized() =>
        TypedResults.Json(new DiscordError("401: Unauthorized", 0), statusCode: StatusCodes.Status401Unauthorized);
}

public sealed record DiscordError(string Message, int Code);
