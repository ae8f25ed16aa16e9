namespace Platform.LlmEmulator.Control;

/// <summary>What tests use to make the endpoint fail or answer as they script, and to read what it was asked.</summary>
public static class ControlApi
{
    public static IEndpointRouteBuilder MapControlApi(this IEndpointRouteBuilder routes)
    {
        var control = routes.MapGroup("/control");
        control.MapPost("/faults", (FaultRequest request, ScriptQueue<Fault> faults) =>
            Queue(faults, FaultKinds.All.Contains(request.Kind) ? new Fault(request.Kind) : null, request.Count,
                $"kind must be one of {string.Join(", ", FaultKinds.All)}"));
        control.MapDelete("/faults", (ScriptQueue<Fault> faults) => Clear(faults));
        control.MapPost("/replies", (ReplyRequest request, ScriptQueue<ScriptedReply> replies) =>
            Queue(replies, string.IsNullOrEmpty(request.Text) ? null : new ScriptedReply(request.Text), request.Count,
                "text must not be empty"));
        control.MapDelete("/replies", (ScriptQueue<ScriptedReply> replies) => Clear(replies));
        control.MapGet("/requests", (RequestLog log) => Results.Ok(log.All));
        return routes;
    }

    private static IResult Queue<T>(ScriptQueue<T> queue, T? item, int count, string rule)
        where T : class
    {
        if (item is null || count is < 1 or > 10_000)
        {
            return Results.Problem($"{rule}, and count 1-10000.", statusCode: StatusCodes.Status400BadRequest);
        }

        queue.Add(item, count);
        return Results.NoContent();
    }

    private static IResult Clear<T>(ScriptQueue<T> queue)
        where T : class
    {
        queue.Clear();
        return Results.NoContent();
    }
}

public sealed record FaultRequest(string Kind, int Count = 1);

public sealed record ReplyRequest(string Text, int Count = 1);
