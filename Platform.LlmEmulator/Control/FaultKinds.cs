namespace Platform.LlmEmulator.Control;

public static class FaultKinds
{
    public const string RateLimit = "rate_limit";
    public const string ServerError = "server_error";
    public const string Timeout = "timeout";

    public static readonly string[] All = [RateLimit, ServerError, Timeout];
}

/// <summary>A failure queued for the next request.</summary>
public sealed record Fault(string Kind);

/// <summary>An answer queued for the next request, in place of the deterministic one.</summary>
public sealed record ScriptedReply(string Text);
