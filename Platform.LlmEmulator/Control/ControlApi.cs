namespace Platform.LlmEmulator.Control;

/// <summary>What tests use to make the endpoint fail, and to read what it was asked.</summary>
public static class ControlApi
{
    public static IEndpointRouteBuilder MapControlApi(this IEndpointRouteBuilder routes)
    {
        var control = routes.MapGroup("/control");
        control.MapPost("/faults", (FaultRequest request, FaultQueue faults) =>
        {
            if (!FaultKinds.All.Contains(request.Kind) || request.Count is < 1 or > 10_000)
            {
                return Results.Problem($"kind must be one of {string.Join(", ", FaultKinds.All)}, and count 1-10000.", statusCode: StatusCodes.Status400BadRequest);
            }

            faults.Add(request.Kind, request.Count);
            return Results.NoContent();
        });
        control.MapDelete("/faults", (FaultQueue faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        control.MapGet("/requests", (RequestLog log) => Results.Ok(log.All));
        return routes;
    }
}

public sealed record FaultRequest(string Kind, int Count = 1);
