using System.ClientModel;

namespace Platform.Bot.Llm.Calls;

/// <summary>The error_kind recorded for a failed call: short names to group failures by.</summary>
internal static class LlmErrorKinds
{
    public static string Of(Exception error) => error switch
    {
        LlmNotConfiguredException => "not_configured",
        ClientResultException { Status: 429 } => "rate_limit",
        ClientResultException { Status: 401 or 403 } => "auth",
        ClientResultException { Status: >= 500 } => "server_error",
        ClientResultException { Status: >= 400 } => "bad_request",
        TimeoutException or TaskCanceledException => "timeout",
        HttpRequestException => "network",
        _ => "error",
    };
}
