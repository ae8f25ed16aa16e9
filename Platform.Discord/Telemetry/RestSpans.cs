using System.Collections.Concurrent;
using System.Diagnostics;
using Platform.Discord.Rest;

namespace Platform.Discord.Telemetry;

/// <summary>
/// Each REST request's one client span, with HTTP's semantic conventions: the route template stands where
/// <c>url.full</c> would carry the interaction or webhook token that Discord puts in the path.
/// </summary>
internal sealed class RestSpans(Uri baseAddress)
{
    private readonly ConcurrentDictionary<string, string> urlTemplates = new();
    private readonly object serverPort = baseAddress.Port;

    public Activity? Start(RestRoute route)
    {
        var activity = RestTelemetry.ActivitySource.StartActivity(route.Name, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", route.Method.Method);
            activity.SetTag(
                "url.template",
                urlTemplates.GetOrAdd(route.Template, static (template, path) => path + template, baseAddress.AbsolutePath));
            activity.SetTag("server.address", baseAddress.Host);
            activity.SetTag("server.port", serverPort);
        }

        return activity;
    }
}
